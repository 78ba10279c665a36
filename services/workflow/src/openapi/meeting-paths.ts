import { ref } from './components';
import { answer, bearer, body, error, type Json, json, pathParam, queryParam } from './operations';

const TAG = ['Joint committee'];
const communityId = pathParam('communityId');
const month = pathParam('month', { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'The version the change was made against; a stale one answers 409',
};
const e401 = error('No or expired token');
const e403 = error('Only the committee’s secretary (or one above) may do this');
const e404 = error('No such committee (community), meeting or activity in your scope');
const e409 = error('Stale If-Match version, a meeting of that month exists, or it was held already');
const e400 = error('Malformed body (fields named)');

/**
 * The joint committee (联席会议) of a community: the order of its rotating chair, its monthly
 * meetings (agenda, attendees, decisions, minutes), its activities (and the residents' public
 * calendar), and the committee figures of an area.
 */
export const meetingPaths: Record<string, Json> = {
  '/api/v1/committees/{communityId}/chair-order': {
    get: {
      operationId: 'getCommitteeChairOrder',
      tags: TAG,
      summary: 'The member units in the order they take the chair (stored order, then the others by id)',
      security: bearer,
      parameters: [communityId],
      responses: { 200: answer('The order', 'CommitteeChairOrder'), 401: e401, 404: e404 },
    },
    put: {
      operationId: 'setCommitteeChairOrder',
      tags: TAG,
      summary: 'Sets the chair order (the community’s secretary or one above)',
      security: bearer,
      parameters: [communityId, ifMatch],
      requestBody: body('CommitteeChairOrderPut'),
      responses: {
        200: answer('The order', 'CommitteeChairOrder'),
        400: e400,
        401: e401,
        403: e403,
        404: e404,
        409: e409,
        422: error('A unit that is no member, or listed twice (fields named)'),
      },
    },
  },
  '/api/v1/committees/{communityId}/meetings': {
    get: {
      operationId: 'listCommitteeMeetings',
      tags: TAG,
      summary: 'The committee’s monthly meetings, newest first',
      security: bearer,
      parameters: [communityId],
      responses: { 200: answer('Meetings', 'MeetingList'), 401: e401, 404: e404 },
    },
    post: {
      operationId: 'createCommitteeMeeting',
      tags: TAG,
      summary: 'Creates the month’s meeting with the chair the rotation proposes (or another member unit)',
      security: bearer,
      parameters: [communityId],
      requestBody: body('MeetingCreate'),
      responses: {
        201: answer('Created', 'Meeting'),
        400: e400,
        401: e401,
        403: e403,
        404: e404,
        409: e409,
        422: error('Bad month, or a chair that is no member unit (fields named)'),
      },
    },
  },
  '/api/v1/committees/{communityId}/meetings/{month}': {
    get: {
      operationId: 'getCommitteeMeeting',
      tags: TAG,
      summary: 'One monthly meeting',
      security: bearer,
      parameters: [communityId, month],
      responses: { 200: answer('The meeting', 'Meeting'), 401: e401, 404: e404, 422: error('Bad month') },
    },
  },
  '/api/v1/committees/{communityId}/meetings/{month}/agenda': {
    get: {
      operationId: 'getCommitteeMeetingAgenda',
      tags: TAG,
      summary:
        'The agenda: new needs since the last meeting, late and due milestones, projects awaiting approval, overdue tickets, the units’ KPIs',
      security: bearer,
      parameters: [communityId, month],
      responses: {
        200: answer('The agenda', 'MeetingAgenda'),
        401: e401,
        404: e404,
        422: error('Bad month'),
        503: error('KPI_PREPARING: ask again after Retry-After seconds'),
      },
    },
  },
  '/api/v1/committees/{communityId}/meetings/{month}/attendees': {
    put: {
      operationId: 'setCommitteeMeetingAttendees',
      tags: TAG,
      summary: 'Records the member units present',
      security: bearer,
      parameters: [communityId, month, ifMatch],
      requestBody: body('MeetingAttendeesPut'),
      responses: {
        200: answer('The meeting', 'Meeting'),
        400: e400,
        401: e401,
        403: e403,
        404: e404,
        409: e409,
        422: error('A unit that is no member (fields named)'),
      },
    },
  },
  '/api/v1/committees/{communityId}/meetings/{month}/decisions': {
    post: {
      operationId: 'recordCommitteeMeetingDecision',
      tags: TAG,
      summary: 'Records a decision: approve a project, assign a unit, set a milestone, or a note',
      security: bearer,
      parameters: [communityId, month, ifMatch],
      requestBody: body('MeetingDecisionCreate'),
      responses: {
        201: answer('The meeting with the decision', 'Meeting'),
        400: e400,
        401: e401,
        403: e403,
        404: e404,
        409: e409,
        422: error(
          'Fields the kind does not take or lacks; a project, unit or milestone that does not fit (named)',
        ),
      },
    },
  },
  '/api/v1/committees/{communityId}/meetings/{month}/hold': {
    post: {
      operationId: 'holdCommitteeMeeting',
      tags: TAG,
      summary: 'Marks the meeting held, with its minutes (sends meeting.held)',
      security: bearer,
      parameters: [communityId, month, ifMatch],
      requestBody: body('MeetingHold'),
      responses: {
        200: answer('The meeting', 'Meeting'),
        400: e400,
        401: e401,
        403: e403,
        404: e404,
        409: e409,
        422: error('heldAt in the future (field named)'),
      },
    },
  },
  '/api/v1/committees/{communityId}/meetings/{month}/minutes': {
    get: {
      operationId: 'getCommitteeMeetingMinutes',
      tags: TAG,
      summary: 'The minutes, as JSON for the printable page or as CSV',
      security: bearer,
      parameters: [
        communityId,
        month,
        { name: 'format', in: 'query', required: false, schema: { enum: ['json', 'csv'] } },
      ],
      responses: {
        200: {
          description:
            'JSON: title, chair, attendees, absent units, decisions numbered. CSV (UTF-8 with BOM): the facts as # lines, then one row per decision',
          content: { ...json(ref('MeetingMinutes')).content, 'text/csv': {} },
        },
        401: e401,
        404: e404,
        422: error('Bad month or format'),
      },
    },
  },
  '/api/v1/committees/{communityId}/activities': {
    get: {
      operationId: 'listCommitteeActivities',
      tags: TAG,
      summary: 'The committee’s activities, drafts too, latest first',
      security: bearer,
      parameters: [communityId],
      responses: { 200: answer('Activities', 'ActivityList'), 401: e401, 404: e404 },
    },
    post: {
      operationId: 'createCommitteeActivity',
      tags: TAG,
      summary: 'Creates an activity (a secretary, or a member unit’s staff for their own unit), unpublished',
      security: bearer,
      parameters: [communityId],
      requestBody: body('ActivityCreate'),
      responses: {
        201: answer('Created', 'Activity'),
        400: e400,
        401: e401,
        404: e404,
        422: error(
          'End not after start, a venue that is none of the committee’s or is booked then, an organiser that is not allowed (fields named)',
        ),
      },
    },
  },
  '/api/v1/committees/{communityId}/activities/{id}/publish': {
    post: {
      operationId: 'publishCommitteeActivity',
      tags: TAG,
      summary: 'Publishes the activity on the residents’ calendar (sends activity.published)',
      security: bearer,
      parameters: [communityId, pathParam('id'), ifMatch],
      responses: {
        200: answer('Published', 'Activity'),
        401: e401,
        404: e404,
        409: error('Published already, or a stale If-Match version'),
      },
    },
  },
  '/api/v1/communities/{communityId}/activities': {
    get: {
      operationId: 'listCommunityActivities',
      tags: TAG,
      summary:
        'The community’s coming activities for residents (public, no login): published, not yet over, soonest first',
      parameters: [communityId],
      responses: { 200: answer('Activities', 'PublicActivityList'), 404: error('No such community') },
    },
  },
  '/api/v1/committees/figures': {
    get: {
      operationId: 'getCommitteeFigures',
      tags: TAG,
      summary:
        'Needs raised, accepted, served; projects delivered per month and year; median days from need to delivery; units’ participation; residents’ satisfaction — per committee and for the area',
      security: bearer,
      parameters: [
        queryParam('areaId', 'an area in your scope (default: yours; admin: the district)'),
        queryParam('from', 'first day, YYYY-MM-DD in China Standard Time (default: first of this month)'),
        queryParam('to', 'last day, included (default: today); at most 366 days'),
      ],
      responses: {
        200: answer('The figures', 'CommitteeFigures'),
        400: error('Unknown or repeated parameter'),
        401: e401,
        404: error('No such area in your scope (units’ staff: no such route)'),
        422: error('Bad period (field named)'),
      },
    },
  },
};
