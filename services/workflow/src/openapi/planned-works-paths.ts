import { answer, bearer, body, error, type Json, pathParam } from './operations';

const TAG = ['Planned works'];
const unitId = pathParam('unitId');
const id = [unitId, pathParam('id')];
const errors = {
  400: error('Malformed body (fields named)'),
  401: error('No or expired token'),
  404: error('Not found, or not the caller’s unit'),
  422: error('Unknown category or grid, unusable polygon, end not after start or past (fields named)'),
};
const stopErrors = { 401: errors[401], 404: errors[404], 409: error('Already ended or cancelled') };

/**
 * Planned works: a unit's staff (or the administrator) announce them;
 * reports of their categories inside their area while they run are linked and held, and
 * dispatched if still open when they end.
 */
export const plannedWorksPaths: Record<string, Json> = {
  '/api/v1/planned-works/current': {
    get: {
      operationId: 'listCurrentPlannedWorks',
      tags: TAG,
      summary: 'Running and coming planned works, for the maps (public, no login)',
      responses: {
        200: answer('Planned works: unit, categories, area, times, notice', 'PublicPlannedWorksList'),
      },
    },
  },
  '/api/v1/units/{unitId}/planned-works': {
    get: {
      operationId: 'listUnitPlannedWorks',
      tags: TAG,
      summary: 'The unit’s planned works, newest first, with the reports each holds',
      security: bearer,
      parameters: [unitId],
      responses: { 200: answer('Planned works', 'PlannedWorksList'), ...errors },
    },
    post: {
      operationId: 'createPlannedWorks',
      tags: TAG,
      summary: 'Announces planned works over grids or a polygon',
      security: bearer,
      parameters: [unitId],
      requestBody: body('PlannedWorksCreate'),
      responses: { 201: answer('Announced', 'PlannedWorks'), ...errors },
    },
  },
  '/api/v1/units/{unitId}/planned-works/{id}/end': {
    post: {
      operationId: 'endPlannedWorks',
      tags: TAG,
      summary: 'Ends the works now: the reports they hold are dispatched at once',
      security: bearer,
      parameters: id,
      responses: { 200: answer('Ended', 'PlannedWorks'), ...stopErrors },
    },
  },
  '/api/v1/units/{unitId}/planned-works/{id}/cancel': {
    post: {
      operationId: 'cancelPlannedWorks',
      tags: TAG,
      summary: 'Cancels the works: the reports they hold are dispatched at once',
      security: bearer,
      parameters: id,
      responses: { 200: answer('Cancelled', 'PlannedWorks'), ...stopErrors },
    },
  },
};
