import { answer, bearer, body, error, type Json, pathParam, queryParam } from './operations';

const NEEDS = ['Committee needs'];
const RESOURCES = ['Committee resources'];
const PROJECTS = ['Committee projects'];
const communityId = pathParam('communityId');
const id = pathParam('id');
const unitId = pathParam('unitId');
const ifMatch = {
  name: 'If-Match',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description: 'The version last read (ETag); another answers 409',
};
const e400 = error('Malformed body or query (fields named)');
const e401 = error('No or expired token');
const e403 = error('In scope, but the caller’s role may not take this step');
const e404 = error('No such record, or outside the caller’s scope');
const e409 = error('Stale version, or the status does not allow it');
const e422 = error('Well-formed but not acceptable (fields named)');
const e429 = error('Too many requests from this address');
const staffErrors = { 400: e400, 401: e401, 404: e404, 422: e422 };
const stepErrors = { 400: e400, 401: e401, 403: e403, 404: e404, 409: e409, 422: e422 };
const page = [
  queryParam('limit', '1–100, default 50'),
  queryParam('cursor', 'the last id of the previous page'),
];

/**
 * The joint committees' needs, resources and projects: residents raise and support needs and rate
 * delivered projects without login; member units keep their resources; secretaries triage needs,
 * see the resources ranked for one, and make and follow projects.
 */
export const committeePaths: Record<string, Json> = {
  '/api/v1/communities/{communityId}/needs': {
    get: {
      operationId: 'listPublicNeeds',
      tags: NEEDS,
      summary: 'The community’s open and accepted needs (public, no personal data)',
      parameters: [communityId],
      responses: { 200: answer('Needs, newest first', 'PublicNeedList'), 404: e404, 429: e429 },
    },
    post: {
      operationId: 'raiseNeed',
      tags: NEEDS,
      summary: 'A resident raises a need (no login)',
      parameters: [communityId],
      requestBody: body('ResidentNeedCreate'),
      responses: { 201: answer('Raised', 'PublicNeed'), 400: e400, 404: e404, 422: e422, 429: e429 },
    },
  },
  '/api/v1/communities/{communityId}/needs/similar': {
    get: {
      operationId: 'listSimilarNeeds',
      tags: NEEDS,
      summary: 'Open and accepted needs like a draft (same kind, similar title), to support instead',
      parameters: [
        communityId,
        queryParam('kind', 'the draft’s kind', true),
        queryParam('title', 'the draft’s title', true),
      ],
      responses: { 200: answer('Most alike first', 'PublicNeedList'), 404: e404, 422: e422, 429: e429 },
    },
  },
  '/api/v1/communities/{communityId}/needs/{id}': {
    get: {
      operationId: 'getPublicNeed',
      tags: NEEDS,
      summary: 'One need as its raiser follows it, with the reason when declined (public)',
      parameters: [communityId, id],
      responses: { 200: answer('The need', 'PublicNeed'), 404: e404, 429: e429 },
    },
  },
  '/api/v1/communities/{communityId}/needs/{id}/support': {
    post: {
      operationId: 'supportNeed',
      tags: NEEDS,
      summary: '"Me too": once per device and once per phone number (no login)',
      parameters: [communityId, id],
      requestBody: body('NeedSupport'),
      responses: {
        200: answer('Counted, or already counted', 'NeedSupportResult'),
        400: e400,
        404: e404,
        409: e409,
        422: e422,
        429: e429,
      },
    },
  },
  '/api/v1/needs': {
    get: {
      operationId: 'listNeeds',
      tags: NEEDS,
      summary:
        'Needs in the caller’s scope (secretaries: their area; unit members: the committees of their unit)',
      security: bearer,
      parameters: [queryParam('communityId'), queryParam('status'), queryParam('kind'), ...page],
      responses: { 200: answer('A page of needs', 'NeedList'), ...staffErrors },
    },
    post: {
      operationId: 'raiseNeedForResident',
      tags: NEEDS,
      summary: 'Staff raise a need on a resident’s behalf, in a community of their scope',
      security: bearer,
      requestBody: body('StaffNeedCreate'),
      responses: { 201: answer('Raised', 'Need'), ...staffErrors },
    },
  },
  '/api/v1/needs/{id}': {
    get: {
      operationId: 'getNeed',
      tags: NEEDS,
      summary: 'One need in scope, with the resident’s phone',
      security: bearer,
      parameters: [id],
      responses: { 200: answer('The need (ETag: its version)', 'Need'), 401: e401, 404: e404 },
    },
  },
  '/api/v1/needs/{id}/triage': {
    post: {
      operationId: 'triageNeed',
      tags: NEEDS,
      summary: 'The secretary accepts, declines (with the reason the resident reads) or merges an open need',
      security: bearer,
      parameters: [id, ifMatch],
      requestBody: body('NeedTriage'),
      responses: { 200: answer('Triaged', 'Need'), ...stepErrors },
    },
  },
  '/api/v1/needs/{id}/matches': {
    get: {
      operationId: 'getNeedMatches',
      tags: NEEDS,
      summary:
        'Resources that could serve the need, ranked by kind, availability, capacity and distance, with reasons',
      security: bearer,
      parameters: [id],
      responses: { 200: answer('Best first', 'NeedMatches'), 401: e401, 404: e404, 409: e409 },
    },
  },
  '/api/v1/resources': {
    get: {
      operationId: 'listCommitteeResources',
      tags: RESOURCES,
      summary: 'The resources of the committees in a secretary’s area',
      security: bearer,
      parameters: [queryParam('communityId'), queryParam('unitId'), queryParam('kind'), ...page],
      responses: { 200: answer('A page of resources', 'ResourcePage'), ...staffErrors },
    },
  },
  '/api/v1/units/{unitId}/resources': {
    get: {
      operationId: 'listUnitResources',
      tags: RESOURCES,
      summary: 'The unit’s own resources (its staff, the administrator)',
      security: bearer,
      parameters: [unitId],
      responses: { 200: answer('Resources', 'ResourceList'), 401: e401, 404: e404 },
    },
    post: {
      operationId: 'offerResource',
      tags: RESOURCES,
      summary: 'Offers a resource to a committee the unit belongs to',
      security: bearer,
      parameters: [unitId],
      requestBody: body('ResourceSave'),
      responses: { 201: answer('Offered', 'Resource'), ...staffErrors },
    },
  },
  '/api/v1/units/{unitId}/resources/{id}': {
    get: {
      operationId: 'getUnitResource',
      tags: RESOURCES,
      summary: 'One of the unit’s resources',
      security: bearer,
      parameters: [unitId, id],
      responses: { 200: answer('The resource (ETag: its version)', 'Resource'), 401: e401, 404: e404 },
    },
    put: {
      operationId: 'updateUnitResource',
      tags: RESOURCES,
      summary: 'Changes a resource (capacity not below what approved projects use)',
      security: bearer,
      parameters: [unitId, id, ifMatch],
      requestBody: body('ResourceSave'),
      responses: { 200: answer('Changed', 'Resource'), ...staffErrors, 409: e409 },
    },
    delete: {
      operationId: 'withdrawUnitResource',
      tags: RESOURCES,
      summary: 'Withdraws a resource no approved project uses',
      security: bearer,
      parameters: [unitId, id, ifMatch],
      responses: { 204: { description: 'Withdrawn' }, 401: e401, 404: e404, 409: e409 },
    },
  },
  '/api/v1/communities/{communityId}/projects': {
    get: {
      operationId: 'listPublicProjects',
      tags: PROJECTS,
      summary: 'The community’s approved and later projects (public)',
      parameters: [communityId],
      responses: { 200: answer('Projects, newest first', 'PublicProjectList'), 404: e404, 429: e429 },
    },
  },
  '/api/v1/communities/{communityId}/projects/{id}': {
    get: {
      operationId: 'getPublicProject',
      tags: PROJECTS,
      summary: 'One approved or later project (public)',
      parameters: [communityId, id],
      responses: { 200: answer('The project', 'PublicProject'), 404: e404, 429: e429 },
    },
  },
  '/api/v1/communities/{communityId}/projects/{id}/evaluations': {
    post: {
      operationId: 'evaluateProject',
      tags: PROJECTS,
      summary: 'A resident rates a delivered project, once per device (no login)',
      parameters: [communityId, id],
      requestBody: body('ProjectEvaluation'),
      responses: {
        201: answer('Rated', 'PublicProject'),
        400: e400,
        404: e404,
        409: e409,
        422: e422,
        429: e429,
      },
    },
  },
  '/api/v1/projects': {
    get: {
      operationId: 'listProjects',
      tags: PROJECTS,
      summary: 'Projects in scope (secretaries: their area; unit members: those their unit leads or joins)',
      security: bearer,
      parameters: [queryParam('communityId'), queryParam('status'), queryParam('leadUnitId'), ...page],
      responses: { 200: answer('A page of projects', 'ProjectList'), ...staffErrors },
    },
    post: {
      operationId: 'createProject',
      tags: PROJECTS,
      summary: 'The secretary makes a project from accepted needs and resources, with units and milestones',
      security: bearer,
      requestBody: body('ProjectCreate'),
      responses: { 201: answer('Proposed', 'Project'), ...staffErrors },
    },
  },
  '/api/v1/projects/{id}': {
    get: {
      operationId: 'getProject',
      tags: PROJECTS,
      summary: 'One project in scope',
      security: bearer,
      parameters: [id],
      responses: { 200: answer('The project (ETag: its version)', 'Project'), 401: e401, 404: e404 },
    },
  },
  '/api/v1/projects/{id}/approve': {
    post: {
      operationId: 'approveProject',
      tags: PROJECTS,
      summary:
        'The secretary approves it, at a joint meeting (its id) or between meetings; capacity is taken',
      security: bearer,
      parameters: [id, ifMatch],
      requestBody: body('ProjectApprove'),
      responses: { 200: answer('Approved', 'Project'), ...stepErrors },
    },
  },
  ...Object.fromEntries(
    (
      [
        ['start', 'startProject', 'The lead unit (or the secretary) starts the approved project'],
        [
          'deliver',
          'deliverProject',
          'The lead unit (or the secretary) delivers it: every milestone done or waived',
        ],
        [
          'evaluate',
          'closeProjectEvaluation',
          'The secretary closes the residents’ evaluation (one at least)',
        ],
      ] as const
    ).map(([step, operationId, summary]) => [
      `/api/v1/projects/{id}/${step}`,
      {
        post: {
          operationId,
          tags: PROJECTS,
          summary,
          security: bearer,
          parameters: [id, ifMatch],
          requestBody: body('ProjectStep'),
          responses: { 200: answer('Done', 'Project'), ...stepErrors },
        },
      },
    ]),
  ),
  '/api/v1/projects/{id}/milestones/{milestoneId}/done': {
    post: {
      operationId: 'completeMilestone',
      tags: PROJECTS,
      summary: 'A unit of the project (or the secretary) marks a milestone done',
      security: bearer,
      parameters: [id, pathParam('milestoneId'), ifMatch],
      requestBody: body('ProjectStep'),
      responses: { 200: answer('Done', 'Project'), ...stepErrors },
    },
  },
  '/api/v1/projects/{id}/milestones/{milestoneId}/waive': {
    post: {
      operationId: 'waiveMilestone',
      tags: PROJECTS,
      summary: 'The secretary waives a milestone, with the reason',
      security: bearer,
      parameters: [id, pathParam('milestoneId'), ifMatch],
      requestBody: body('MilestoneWaive'),
      responses: { 200: answer('Waived', 'Project'), ...stepErrors },
    },
  },
};
