import { type Connection, type Model, Schema } from 'mongoose';

export type WebhookDeliveryState = 'pending' | 'delivered' | 'failed';

/**
 * One ticket event to one endpoint: the body as first built (every attempt and replay sends the
 * same bytes, freshly signed), its attempts and its outcome. `_id` is `<endpoint id>.<event id>`,
 * so a redelivered Kafka message finds its delivery already logged.
 */
export interface WebhookDeliveryDoc {
  _id: string;
  endpointId: string;
  eventId: string;
  eventType: string;
  ticketId: string;
  /** The ticket's version after the event: deliveries of one ticket go out in this order. */
  ticketVersion: number;
  body: string;
  state: WebhookDeliveryState;
  /** Attempts since it was logged or last replayed. */
  attempts: number;
  /** The receiver's last HTTP status, or null when it never answered. */
  lastStatus: number | null;
  /** Why the last attempt failed when there was no answer (timeout, refused), or a non-2xx note. */
  lastError: string | null;
  lastAttemptAt: Date | null;
  deliveredAt: Date | null;
  /** How often an administrator re-sent it; each replay gets a job of its own. */
  replays: number;
  createdAt: Date;
  updatedAt: Date;
}

const webhookDeliverySchema = new Schema<WebhookDeliveryDoc>(
  {
    _id: { type: String, required: true },
    endpointId: { type: String, required: true },
    eventId: { type: String, required: true },
    eventType: { type: String, required: true },
    ticketId: { type: String, required: true },
    ticketVersion: { type: Number, required: true },
    body: { type: String, required: true },
    state: { type: String, required: true },
    attempts: { type: Number, default: 0 },
    lastStatus: { type: Number, default: null },
    lastError: { type: String, default: null },
    lastAttemptAt: { type: Date, default: null },
    deliveredAt: { type: Date, default: null },
    replays: { type: Number, default: 0 },
  },
  { timestamps: true, versionKey: false, collection: 'webhook_deliveries' },
);
// The log page (newest first) and the order check (earlier pending delivery of the same ticket).
webhookDeliverySchema.index({ endpointId: 1, createdAt: -1 });
webhookDeliverySchema.index({ endpointId: 1, ticketId: 1, state: 1, ticketVersion: 1 });
// FerretDB has no TTL indexes: the sla service deletes entries past their age (pruneWebhookLog).
webhookDeliverySchema.index({ createdAt: 1 });

export function webhookDeliveryModel(connection: Connection): Model<WebhookDeliveryDoc> {
  return (
    connection.models.WebhookDelivery ??
    connection.model<WebhookDeliveryDoc>('WebhookDelivery', webhookDeliverySchema)
  );
}
