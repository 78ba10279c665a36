import type { ComponentName } from './components';
import { answer, bearer, body, error, type Json, pathParam, queryParam } from './operations';

const errors = {
  400: error('Malformed body (fields named)'),
  401: error('No or expired token'),
  404: error('Not found, or the caller is not an administrator'),
  409: error('Duplicate, or still in use (what uses it is named)'),
  422: error('Not acceptable (fields named)'),
};
const listParams = [queryParam('limit'), queryParam('cursor')];

/** Each resource's components: its record, a page of records, the bodies of create and update. */
interface Resource {
  record: ComponentName;
  list: ComponentName;
  create: ComponentName;
  update: ComponentName;
  /** Areas and responsibility lines are deleted (204); units and users are deactivated (200 with the record). */
  deleteRemoves: boolean;
}
const RESOURCES: Record<string, Resource> = {
  areas: {
    record: 'AdminArea',
    list: 'AdminAreaList',
    create: 'AreaCreate',
    update: 'AreaUpdate',
    deleteRemoves: true,
  },
  units: {
    record: 'AdminUnit',
    list: 'AdminUnitList',
    create: 'UnitCreate',
    update: 'UnitUpdate',
    deleteRemoves: false,
  },
  users: {
    record: 'AdminUser',
    list: 'AdminUserList',
    create: 'UserCreate',
    update: 'UserUpdate',
    deleteRemoves: false,
  },
  responsibilities: {
    record: 'AdminResponsibility',
    list: 'AdminResponsibilityList',
    create: 'ResponsibilityCreate',
    update: 'ResponsibilityUpdate',
    deleteRemoves: true,
  },
};
const singular = (r: string) => r.replace(/ies$/, 'y').replace(/s$/, '');

const resourcePaths = Object.fromEntries(
  Object.entries(RESOURCES).flatMap(([resource, c]) => [
    [
      `/api/v1/admin/${resource}`,
      {
        get: {
          operationId: `admin_list_${resource}`,
          security: bearer,
          parameters: listParams,
          responses: { 200: answer('A page', c.list), ...errors },
        },
        post: {
          operationId: `admin_create_${singular(resource)}`,
          security: bearer,
          requestBody: body(c.create),
          responses: { 201: answer('Created', c.record), ...errors },
        },
      },
    ],
    [
      `/api/v1/admin/${resource}/{id}`,
      {
        get: {
          operationId: `admin_get_${singular(resource)}`,
          security: bearer,
          parameters: [pathParam('id')],
          responses: { 200: answer('The record', c.record), ...errors },
        },
        put: {
          operationId: `admin_update_${singular(resource)}`,
          security: bearer,
          parameters: [pathParam('id')],
          requestBody: body(c.update),
          responses: { 200: answer('Updated', c.record), ...errors },
        },
        delete: {
          operationId: `admin_delete_${singular(resource)}`,
          security: bearer,
          parameters: [pathParam('id')],
          responses: c.deleteRemoves
            ? { 204: { description: 'Removed' }, ...errors }
            : { 200: answer('Deactivated', c.record), ...errors },
        },
      },
    ],
  ]),
);

const calendarPaths = {
  '/api/v1/admin/calendars': {
    get: {
      operationId: 'admin_list_calendars',
      security: bearer,
      parameters: listParams,
      responses: { 200: answer('A page', 'AdminCalendarList'), ...errors },
    },
  },
  '/api/v1/admin/calendars/{id}': {
    get: {
      operationId: 'admin_get_calendar',
      security: bearer,
      parameters: [pathParam('id')],
      responses: { 200: answer('The calendar', 'AdminCalendar'), ...errors },
    },
    put: {
      operationId: 'admin_put_calendar',
      description:
        'Replaces the whole calendar. Applies to the next deadline computed, in every replica; deadlines already set are not recomputed.',
      security: bearer,
      parameters: [pathParam('id')],
      requestBody: body('CalendarPut'),
      responses: {
        200: answer('Updated', 'AdminCalendar'),
        201: answer('Created', 'AdminCalendar'),
        ...errors,
      },
    },
    delete: {
      operationId: 'admin_delete_calendar',
      security: bearer,
      parameters: [pathParam('id')],
      responses: { 204: { description: 'Removed' }, ...errors },
    },
  },
};

const OPEN311 = ['Open311 GeoReport v2'];
const open311KeyPaths = {
  '/api/v1/admin/open311-keys': {
    get: {
      operationId: 'admin_list_open311_keys',
      tags: OPEN311,
      security: bearer,
      parameters: listParams,
      responses: { 200: answer('A page, revoked keys included', 'Open311KeyList'), ...errors },
    },
    post: {
      operationId: 'admin_create_open311_key',
      tags: OPEN311,
      description: 'Issues a key for an Open311 client. The answer is the only time the key is shown.',
      security: bearer,
      requestBody: body('Open311KeyCreate'),
      responses: { 201: answer('Issued', 'Open311KeyIssued'), ...errors },
    },
  },
  '/api/v1/admin/open311-keys/{id}': {
    delete: {
      operationId: 'admin_delete_open311_key',
      tags: OPEN311,
      description: 'Revokes the key at once; the record stays, inactive.',
      security: bearer,
      parameters: [pathParam('id')],
      responses: { 200: answer('Revoked', 'Open311Key'), ...errors },
    },
  },
};

/** The administration endpoints of the API (README.md#the-api) (role admin). */
export const adminPaths: Record<string, Json> = {
  ...resourcePaths,
  ...calendarPaths,
  ...open311KeyPaths,
  '/api/v1/admin/categories': {
    get: {
      operationId: 'admin_list_categories',
      security: bearer,
      parameters: listParams,
      responses: { 200: answer('A page, inactive included', 'AdminCategoryList'), ...errors },
    },
  },
  '/api/v1/admin/categories/{code}': {
    get: {
      operationId: 'admin_get_category',
      security: bearer,
      parameters: [pathParam('code')],
      responses: { 200: answer('The category', 'AdminCategory'), ...errors },
    },
    put: {
      operationId: 'admin_put_category',
      security: bearer,
      parameters: [pathParam('code')],
      requestBody: body('CategoryPut'),
      responses: {
        200: answer('Updated', 'AdminCategory'),
        201: answer('Created', 'AdminCategory'),
        ...errors,
      },
    },
    delete: {
      operationId: 'admin_delete_category',
      security: bearer,
      parameters: [pathParam('code')],
      responses: { 200: answer('Deactivated', 'AdminCategory'), ...errors },
    },
  },
};
