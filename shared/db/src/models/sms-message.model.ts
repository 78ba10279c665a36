import { type Connection, type Model, Schema } from 'mongoose';

/**
 * `pending` until sent or given up; `sent` once the provider took it; `failed` after its last
 * attempt or a refusal that no retry would change; `skipped` when the number opted out, or the
 * report no longer carries a phone number, by the time it was to be sent.
 */
export type SmsMessageStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/**
 * One resident SMS: a ticket and a state (see `smsNoticeFor`). `_id` is `<ticket id>.<key>`, so a
 * redelivered Kafka event finds it logged. The number itself is never stored here: the worker
 * reads it from the ticket at send time; the log shows it masked. With the development provider
 * this log is the record of what would have been sent.
 */
export interface SmsMessageDoc {
  _id: string;
  ticketId: string;
  trackingCode: string;
  state: string;
  maskedPhone: string;
  text: string;
  status: SmsMessageStatus;
  attempts: number;
  /** Which provider sent it (`http`, `dev`) and the id it gave the message. */
  provider: string | null;
  providerMessageId: string | null;
  lastError: string | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const smsMessageSchema = new Schema<SmsMessageDoc>(
  {
    _id: { type: String, required: true },
    ticketId: { type: String, required: true },
    trackingCode: { type: String, required: true },
    state: { type: String, required: true },
    maskedPhone: { type: String, required: true },
    text: { type: String, required: true },
    status: { type: String, required: true },
    attempts: { type: Number, default: 0 },
    provider: { type: String, default: null },
    providerMessageId: { type: String, default: null },
    lastError: { type: String, default: null },
    sentAt: { type: Date, default: null },
  },
  { timestamps: true, versionKey: false, collection: 'sms_messages' },
);
// The admin page (newest first); FerretDB has no TTL indexes, so the sla service prunes by age.
smsMessageSchema.index({ createdAt: -1 });

export function smsMessageModel(connection: Connection): Model<SmsMessageDoc> {
  return connection.models.SmsMessage ?? connection.model<SmsMessageDoc>('SmsMessage', smsMessageSchema);
}
