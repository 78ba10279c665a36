import type { Connection } from 'mongoose';
import { activityModel } from './activity.model';
import { areaModel } from './area.model';
import { calendarModel } from './calendar.model';
import { categoryModel } from './category.model';
import { committeeChairOrderModel } from './committee-chair-order.model';
import { kpiSummaryModel, kpiTicketModel } from './kpi.model';
import { meetingModel } from './meeting.model';
import { needModel } from './need.model';
import { open311KeyModel } from './open311-key.model';
import { photoDataModel, photoModel } from './photo.model';
import { plannedWorksModel } from './planned-works.model';
import { projectModel } from './project.model';
import { resourceModel } from './resource.model';
import { responsibilityModel } from './responsibility.model';
import { smsMessageModel } from './sms-message.model';
import { smsOptOutModel } from './sms-opt-out.model';
import { ticketModel } from './ticket.model';
import { unitModel } from './unit.model';
import { userModel } from './user.model';
import { webhookDeliveryModel } from './webhook-delivery.model';
import { webhookEndpointModel } from './webhook-endpoint.model';

export * from './activity.model';
export * from './area.model';
export * from './calendar.model';
export * from './category.model';
export * from './committee-chair-order.model';
export * from './kpi.model';
export * from './localized-name';
export * from './meeting.model';
export * from './need.model';
export * from './open311-key.model';
export * from './photo.model';
export * from './planned-works.model';
export * from './project.model';
export * from './resource.model';
export * from './responsibility.model';
export * from './sms-message.model';
export * from './sms-opt-out.model';
export * from './ticket.model';
export * from './unit.model';
export * from './user.model';
export * from './webhook-delivery.model';
export * from './webhook-endpoint.model';

/** All models bound to one connection (each test may hold its own connection and database). */
export function createModels(connection: Connection) {
  return {
    areas: areaModel(connection),
    units: unitModel(connection),
    users: userModel(connection),
    categories: categoryModel(connection),
    calendars: calendarModel(connection),
    responsibilities: responsibilityModel(connection),
    tickets: ticketModel(connection),
    kpiTickets: kpiTicketModel(connection),
    kpiSummaries: kpiSummaryModel(connection),
    photos: photoModel(connection),
    photoData: photoDataModel(connection),
    open311Keys: open311KeyModel(connection),
    webhookEndpoints: webhookEndpointModel(connection),
    webhookDeliveries: webhookDeliveryModel(connection),
    plannedWorks: plannedWorksModel(connection),
    smsMessages: smsMessageModel(connection),
    smsOptOuts: smsOptOutModel(connection),
    committeeChairOrders: committeeChairOrderModel(connection),
    meetings: meetingModel(connection),
    activities: activityModel(connection),
    needs: needModel(connection),
    resources: resourceModel(connection),
    projects: projectModel(connection),
  };
}

export type Models = ReturnType<typeof createModels>;

/** Builds every declared index; run at start (`autoIndex` is off so requests never wait on it). */
export async function ensureIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models)) {
    await model.createCollection().catch(() => undefined);
    await model.createIndexes();
  }
}
