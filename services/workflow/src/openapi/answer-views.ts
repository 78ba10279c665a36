import type { z } from '@grid-dispatch/config';
import type { apiErrorSchema, healthSchema } from '@grid-dispatch/contracts';
import type { MeetingMinutes } from '@grid-dispatch/domain';
import type { ErrorBody } from '@grid-dispatch/errors';
import type { CallerReport } from '@grid-dispatch/intake/dist/caller-reports';
import type {
  callerReportsAnswer,
  nearbyReportsAnswer,
  publicTicketAnswer,
  reportCreatedAnswer,
  supportAnswer,
} from '@grid-dispatch/intake/dist/http/response-bodies';
import type {
  open311ServiceAnswer,
  open311ServiceRequestAnswer,
} from '@grid-dispatch/intake/dist/open311/open311-bodies';
import type { Open311Service } from '@grid-dispatch/intake/dist/open311/service-list';
import type { Open311ServiceRequest } from '@grid-dispatch/intake/dist/open311/service-request-view';
import type { PublicTicketView } from '@grid-dispatch/intake/dist/public-view';
import type { PublicNearbyReport, SubmitResult } from '@grid-dispatch/intake/dist/report-intake';
import type { SupportAnswer } from '@grid-dispatch/intake/dist/report-support';
import type { HealthReport } from '@grid-dispatch/runtime';
import type { activityView, publicActivityView } from '../committee/activities.routes';
import type {
  activityAnswer,
  meetingAnswer,
  minutesAnswer,
  publicActivityListAnswer,
} from '../committee/committee-bodies';
import type {
  needView,
  projectView,
  publicNeedView,
  publicProjectView,
  resourceView,
} from '../committee/committee-views';
import type { meetingView } from '../committee/meetings.routes';
import type { needAnswer, publicNeedAnswer } from '../committee/needs-bodies';
import type { projectAnswer, publicProjectAnswer } from '../committee/projects-bodies';
import type { resourceAnswer } from '../committee/resources-bodies';
import type {
  adminAreaAnswer,
  adminCalendarAnswer,
  adminCategoryAnswer,
  adminResponsibilityAnswer,
  adminUnitAnswer,
  adminUserAnswer,
  open311KeyAnswer,
} from '../http/admin/admin-response-bodies';
import type { areaView } from '../http/admin/areas.routes';
import type { calendarView } from '../http/admin/calendars.routes';
import type { categoryView } from '../http/admin/categories.routes';
import type { open311KeyView } from '../http/admin/open311-keys.routes';
import type { responsibilityView } from '../http/admin/responsibilities.routes';
import type { unitView } from '../http/admin/units.routes';
import type { userView } from '../http/admin/users.routes';
import type { plannedWorksView, publicPlannedWorksView } from '../http/planned-works/planned-works.routes';
import type {
  plannedWorksAnswer,
  publicPlannedWorksAnswer,
} from '../http/planned-works/planned-works-bodies';
import type { kpiReportAnswer, staffTicketAnswer } from '../http/response-bodies';
import type { staffTicketView } from '../http/ticket-view';
import type { webhookDeliveryAnswer, webhookEndpointAnswer } from '../http/webhooks/webhook-bodies';
import type { webhookDeliveryView, webhookEndpointView } from '../http/webhooks/webhooks.routes';
import type { KpiReport } from '../kpi/kpi-report';

/** A value as it arrives after `res.json`: dates become ISO strings, undefined fields disappear. */
type Sent<T> = T extends Date
  ? string
  : T extends readonly (infer I)[]
    ? Sent<I>[]
    : T extends object
      ? { [K in keyof T]: Sent<T[K]> }
      : T;

/** Compiles only when what a view builds is a value its documented schema describes. */
type Fits<View extends z.output<Documented>, Documented extends z.ZodType> = [View, Documented];

/**
 * Compile-time only: the views the services answer with fit the schemas the OpenAPI document is
 * generated from, so a changed view fails the build before the end-to-end test would notice.
 */
export type AnswerViews = [
  Fits<ErrorBody, typeof apiErrorSchema>,
  Fits<HealthReport, typeof healthSchema>,
  Fits<SubmitResult['body'], typeof reportCreatedAnswer>,
  Fits<{ duplicates: PublicNearbyReport[] }, typeof nearbyReportsAnswer>,
  Fits<PublicTicketView, typeof publicTicketAnswer>,
  Fits<SupportAnswer, typeof supportAnswer>,
  Fits<{ items: CallerReport[] }, typeof callerReportsAnswer>,
  Fits<Sent<ReturnType<typeof staffTicketView>>, typeof staffTicketAnswer>,
  Fits<KpiReport, typeof kpiReportAnswer>,
  Fits<Sent<ReturnType<typeof areaView>>, typeof adminAreaAnswer>,
  Fits<Sent<ReturnType<typeof unitView>>, typeof adminUnitAnswer>,
  Fits<Sent<ReturnType<typeof userView>>, typeof adminUserAnswer>,
  Fits<Sent<ReturnType<typeof responsibilityView>>, typeof adminResponsibilityAnswer>,
  Fits<Sent<ReturnType<typeof categoryView>>, typeof adminCategoryAnswer>,
  Fits<Sent<ReturnType<typeof calendarView>>, typeof adminCalendarAnswer>,
  Fits<Sent<ReturnType<typeof open311KeyView>>, typeof open311KeyAnswer>,
  Fits<Sent<ReturnType<typeof webhookEndpointView>>, typeof webhookEndpointAnswer>,
  Fits<Sent<ReturnType<typeof webhookDeliveryView>>, typeof webhookDeliveryAnswer>,
  Fits<Sent<ReturnType<typeof plannedWorksView>>, typeof plannedWorksAnswer>,
  Fits<
    Sent<ReturnType<typeof publicPlannedWorksView>>,
    (typeof publicPlannedWorksAnswer)['shape']['items']['element']
  >,
  Fits<Sent<ReturnType<typeof meetingView>>, typeof meetingAnswer>,
  Fits<MeetingMinutes, typeof minutesAnswer>,
  Fits<Sent<ReturnType<typeof activityView>>, typeof activityAnswer>,
  Fits<
    Sent<ReturnType<typeof publicActivityView>>,
    (typeof publicActivityListAnswer)['shape']['items']['element']
  >,
  Fits<Sent<ReturnType<typeof needView>>, typeof needAnswer>,
  Fits<Sent<ReturnType<typeof publicNeedView>>, typeof publicNeedAnswer>,
  Fits<Sent<ReturnType<typeof resourceView>>, typeof resourceAnswer>,
  Fits<Sent<ReturnType<typeof projectView>>, typeof projectAnswer>,
  Fits<Sent<ReturnType<typeof publicProjectView>>, typeof publicProjectAnswer>,
  Fits<Open311Service, typeof open311ServiceAnswer>,
  Fits<Open311ServiceRequest, typeof open311ServiceRequestAnswer>,
];
