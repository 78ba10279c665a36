import { z } from '@grid-dispatch/config';
import {
  apiErrorSchema,
  deadlineSchema,
  geoJsonPolygonSchema,
  healthSchema,
  isoInstantSchema,
  latLngSchema,
  localizedNameSchema,
  pageSchemaOf,
} from '@grid-dispatch/contracts';
import type { StaffAction } from '@grid-dispatch/domain';
import { hotlineReportBodySchema } from '@grid-dispatch/intake/dist/http/hotline.schema';
import {
  feedbackBodySchema,
  reportBodySchema,
  supportBodySchema,
} from '@grid-dispatch/intake/dist/http/report.schema';
import {
  callerReportsAnswer,
  hotlineReportCreatedAnswer,
  nearbyReportsAnswer,
  photoStoredAnswer,
  publicTicketAnswer,
  reportCreatedAnswer,
  supportAnswer,
} from '@grid-dispatch/intake/dist/http/response-bodies';
import { smsOptOutAnswer, smsOptOutBodySchema } from '@grid-dispatch/intake/dist/http/sms-opt-out.routes';
import {
  open311DiscoveryAnswer,
  open311ErrorsAnswer,
  open311FiledAnswer,
  open311ServiceAnswer,
  open311ServiceDefinitionAnswer,
  open311ServiceRequestAnswer,
  open311TokenAnswer,
} from '@grid-dispatch/intake/dist/open311/open311-bodies';
import {
  activityAnswer,
  activityCreateBody,
  activityListAnswer,
  agendaAnswer,
  attendeesBody,
  chairOrderAnswer,
  chairOrderBody,
  committeeFiguresAnswer,
  decisionBody,
  holdBody,
  meetingAnswer,
  meetingCreateBody,
  meetingListAnswer,
  minutesAnswer,
  publicActivityListAnswer,
} from '../committee/committee-bodies';
import {
  needAnswer,
  needListAnswer,
  needSupportAnswer,
  needSupportBody,
  needTriageBody,
  publicNeedAnswer,
  publicNeedListAnswer,
  residentNeedBody,
  staffNeedBody,
} from '../committee/needs-bodies';
import {
  milestoneWaiveBody,
  projectAnswer,
  projectApproveBody,
  projectCreateBody,
  projectEvaluationBody,
  projectListAnswer,
  projectStepBody,
  publicProjectAnswer,
  publicProjectListAnswer,
} from '../committee/projects-bodies';
import {
  needMatchesAnswer,
  resourceAnswer,
  resourceBody,
  resourceListAnswer,
  resourcePageAnswer,
} from '../committee/resources-bodies';
import { ticketExportRowSchema } from '../export/ticket-export-row';
import { ACTION_BODIES } from '../http/action-bodies';
import {
  areaBody,
  areaUpdateBody,
  calendarBody,
  categoryBody,
  open311KeyBody,
  responsibilityBody,
  responsibilityUpdateBody,
  unitBody,
  unitUpdateBody,
  userBody,
  userUpdateBody,
} from '../http/admin/admin.schemas';
import {
  adminAreaAnswer,
  adminCalendarAnswer,
  adminCategoryAnswer,
  adminResponsibilityAnswer,
  adminUnitAnswer,
  adminUserAnswer,
  open311KeyAnswer,
  open311KeyIssuedAnswer,
} from '../http/admin/admin-response-bodies';
import { loginAnswer, loginBody } from '../http/auth-bodies';
import {
  plannedWorksAnswer,
  plannedWorksCreateBody,
  plannedWorksListAnswer,
  publicPlannedWorksAnswer,
} from '../http/planned-works/planned-works-bodies';
import {
  areaAnswer,
  categoryAnswer,
  kpiReportAnswer,
  staffTicketAnswer,
  ticketPageAnswer,
  unitAnswer,
} from '../http/response-bodies';
import { smsInboundAnswer, smsInboundBody, smsMessageListAnswer } from '../http/sms/sms-bodies';
import {
  unitWebhookCreateBody,
  webhookCreateBody,
  webhookDeliveryListAnswer,
  webhookEndpointAnswer,
  webhookEndpointListAnswer,
  webhookEndpointWithSecretAnswer,
  webhookReplayAnswer,
  webhookReplayBody,
  webhookUpdateBody,
} from '../http/webhooks/webhook-bodies';
import { componentRef, componentSchemas } from './json-schema';

/**
 * Every request body of the document, by component name: the very zod schemas the routes parse
 * bodies with. The form of Open311's POST requests.{format} is not here (see open311-paths.ts).
 */
const REQUEST_BODIES = {
  ReportCreate: reportBodySchema,
  HotlineReportCreate: hotlineReportBodySchema,
  Feedback: feedbackBodySchema,
  SupportCreate: supportBodySchema,
  LoginRequest: loginBody,
  ...(Object.fromEntries(
    (Object.keys(ACTION_BODIES) as StaffAction[]).map((action) => [
      actionBodyName(action),
      ACTION_BODIES[action],
    ]),
  ) as Record<`Action_${StaffAction}`, z.ZodType>),
  AreaCreate: areaBody,
  AreaUpdate: areaUpdateBody,
  UnitCreate: unitBody,
  UnitUpdate: unitUpdateBody,
  UserCreate: userBody,
  UserUpdate: userUpdateBody,
  ResponsibilityCreate: responsibilityBody,
  ResponsibilityUpdate: responsibilityUpdateBody,
  CategoryPut: categoryBody,
  CalendarPut: calendarBody,
  Open311KeyCreate: open311KeyBody,
  WebhookCreate: webhookCreateBody,
  UnitWebhookCreate: unitWebhookCreateBody,
  WebhookUpdate: webhookUpdateBody,
  WebhookReplay: webhookReplayBody,
  PlannedWorksCreate: plannedWorksCreateBody,
  CommitteeChairOrderPut: chairOrderBody,
  MeetingCreate: meetingCreateBody,
  MeetingAttendeesPut: attendeesBody,
  MeetingDecisionCreate: decisionBody,
  MeetingHold: holdBody,
  ActivityCreate: activityCreateBody,
  SmsInbound: smsInboundBody,
  SmsOptOut: smsOptOutBodySchema,
  ResidentNeedCreate: residentNeedBody,
  StaffNeedCreate: staffNeedBody,
  NeedSupport: needSupportBody,
  NeedTriage: needTriageBody,
  ResourceSave: resourceBody,
  ProjectCreate: projectCreateBody,
  ProjectApprove: projectApproveBody,
  ProjectStep: projectStepBody,
  MilestoneWaive: milestoneWaiveBody,
  ProjectEvaluation: projectEvaluationBody,
} satisfies Record<string, z.ZodType>;

/** Every JSON answer of the document, by component name. */
const ANSWERS = {
  Error: apiErrorSchema,
  Health: healthSchema,
  Instant: isoInstantSchema,
  LocalizedName: localizedNameSchema,
  LatLng: latLngSchema,
  GeoJsonPolygon: geoJsonPolygonSchema,
  Deadline: deadlineSchema,
  Category: categoryAnswer,
  CategoryList: z.array(categoryAnswer),
  Area: areaAnswer,
  AreaList: z.array(areaAnswer),
  Unit: unitAnswer,
  UnitList: z.array(unitAnswer),
  ReportCreated: reportCreatedAnswer,
  NearbyReports: nearbyReportsAnswer,
  Supported: supportAnswer,
  HotlineReportCreated: hotlineReportCreatedAnswer,
  CallerReports: callerReportsAnswer,
  PublicTicket: publicTicketAnswer,
  PhotoStored: photoStoredAnswer,
  LoginResponse: loginAnswer,
  Ticket: staffTicketAnswer,
  TicketList: ticketPageAnswer,
  TicketExportRow: ticketExportRowSchema,
  KpiReport: kpiReportAnswer,
  AdminArea: adminAreaAnswer,
  AdminAreaList: pageSchemaOf(adminAreaAnswer),
  AdminUnit: adminUnitAnswer,
  AdminUnitList: pageSchemaOf(adminUnitAnswer),
  AdminUser: adminUserAnswer,
  AdminUserList: pageSchemaOf(adminUserAnswer),
  AdminResponsibility: adminResponsibilityAnswer,
  AdminResponsibilityList: pageSchemaOf(adminResponsibilityAnswer),
  AdminCategory: adminCategoryAnswer,
  AdminCategoryList: pageSchemaOf(adminCategoryAnswer),
  AdminCalendar: adminCalendarAnswer,
  AdminCalendarList: pageSchemaOf(adminCalendarAnswer),
  Open311Key: open311KeyAnswer,
  Open311KeyIssued: open311KeyIssuedAnswer,
  Open311KeyList: pageSchemaOf(open311KeyAnswer),
  Open311Errors: open311ErrorsAnswer,
  Open311Discovery: open311DiscoveryAnswer,
  Open311Service: open311ServiceAnswer,
  Open311Services: z.array(open311ServiceAnswer),
  Open311ServiceDefinition: open311ServiceDefinitionAnswer,
  Open311ServiceRequest: open311ServiceRequestAnswer,
  Open311ServiceRequests: z.array(open311ServiceRequestAnswer),
  Open311Filed: open311FiledAnswer,
  Open311Token: open311TokenAnswer,
  WebhookEndpoint: webhookEndpointAnswer,
  WebhookEndpointWithSecret: webhookEndpointWithSecretAnswer,
  WebhookEndpointList: webhookEndpointListAnswer,
  WebhookDeliveryList: webhookDeliveryListAnswer,
  WebhookReplayed: webhookReplayAnswer,
  PlannedWorks: plannedWorksAnswer,
  PlannedWorksList: plannedWorksListAnswer,
  PublicPlannedWorksList: publicPlannedWorksAnswer,
  CommitteeChairOrder: chairOrderAnswer,
  Meeting: meetingAnswer,
  MeetingList: meetingListAnswer,
  MeetingAgenda: agendaAnswer,
  MeetingMinutes: minutesAnswer,
  Activity: activityAnswer,
  ActivityList: activityListAnswer,
  PublicActivityList: publicActivityListAnswer,
  CommitteeFigures: committeeFiguresAnswer,
  SmsInboundTaken: smsInboundAnswer,
  SmsMessageList: smsMessageListAnswer,
  SmsOptedOut: smsOptOutAnswer,
  PublicNeed: publicNeedAnswer,
  PublicNeedList: publicNeedListAnswer,
  NeedSupportResult: needSupportAnswer,
  Need: needAnswer,
  NeedList: needListAnswer,
  NeedMatches: needMatchesAnswer,
  Resource: resourceAnswer,
  ResourceList: resourceListAnswer,
  ResourcePage: resourcePageAnswer,
  PublicProject: publicProjectAnswer,
  PublicProjectList: publicProjectListAnswer,
  Project: projectAnswer,
  ProjectList: projectListAnswer,
} satisfies Record<string, z.ZodType>;

export type ComponentName = keyof typeof REQUEST_BODIES | keyof typeof ANSWERS;

/** The component of an action's body: `Action_accept`, … */
export function actionBodyName<A extends StaffAction>(action: A) {
  return `Action_${action}` as const;
}

/** A reference to a component: the document's only way to name a body or an answer. */
export const ref = (name: ComponentName) => ({ $ref: componentRef(name) });

/** `components.schemas` of the document, generated from the zod schemas above. */
export function documentSchemas(): Record<string, unknown> {
  const answers = componentSchemas(ANSWERS, 'output');
  const bodies = componentSchemas(REQUEST_BODIES, 'input');
  const clash = Object.keys(bodies).filter((name) => name in answers);
  if (clash.length > 0) throw new Error(`components named twice: ${clash.join(', ')}`);
  return { ...answers, ...bodies };
}
