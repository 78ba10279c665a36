import { type Connection, type Model, Schema } from 'mongoose';

/**
 * A resident's "no more messages": `_id` is `phone:<phoneKey>` for a number that replied TD (every
 * report of that number), or `ticket:<ticket id>` for one report turned off on its tracking page.
 */
export interface SmsOptOutDoc {
  _id: string;
  kind: 'phone' | 'ticket';
  /** How it was asked for: a reply to a message, or the tracking page. */
  via: 'reply' | 'tracking_page';
  createdAt: Date;
  updatedAt: Date;
}

const smsOptOutSchema = new Schema<SmsOptOutDoc>(
  {
    _id: { type: String, required: true },
    kind: { type: String, required: true },
    via: { type: String, required: true },
  },
  { timestamps: true, versionKey: false, collection: 'sms_opt_outs' },
);

export function smsOptOutModel(connection: Connection): Model<SmsOptOutDoc> {
  return connection.models.SmsOptOut ?? connection.model<SmsOptOutDoc>('SmsOptOut', smsOptOutSchema);
}

/** The opt-out ids that stop a message: its report's, and its number's. */
export function smsOptOutIds(ticketId: string, phoneKey: string): string[] {
  return [`ticket:${ticketId}`, `phone:${phoneKey}`];
}
