import { type Connection, type Model, Schema } from 'mongoose';

/**
 * A receiver of signed webhook deliveries, registered by the administrator (every ticket) or by a
 * unit (that unit's tickets only). The secret signs each delivery; it is shown once, when the
 * endpoint is created or its secret rotated, and stored as given because signing needs it.
 */
export interface WebhookEndpointDoc {
  _id: string;
  url: string;
  /** Event types it receives; empty for every type. */
  eventTypes: string[];
  /** The owning unit, or null for the administrator's endpoint. */
  unitId: string | null;
  secret: string;
  /** Whether deliveries carry personal data: only a unit's own dispatch system may ask for it. */
  personalData: boolean;
  enabled: boolean;
  /** Deliveries failed in a row (each after its last attempt); a delivered one resets it. */
  failureStreak: number;
  /** When it was switched off automatically after too many failed deliveries, else null. */
  disabledAt: Date | null;
  disabledReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const webhookEndpointSchema = new Schema<WebhookEndpointDoc>(
  {
    _id: { type: String, required: true },
    url: { type: String, required: true },
    eventTypes: { type: [String], default: [] },
    unitId: { type: String, default: null },
    secret: { type: String, required: true },
    personalData: { type: Boolean, default: false },
    enabled: { type: Boolean, default: true },
    failureStreak: { type: Number, default: 0 },
    disabledAt: { type: Date, default: null },
    disabledReason: { type: String, default: null },
  },
  { timestamps: true, versionKey: false, collection: 'webhook_endpoints' },
);
webhookEndpointSchema.index({ unitId: 1 });

export function webhookEndpointModel(connection: Connection): Model<WebhookEndpointDoc> {
  return (
    connection.models.WebhookEndpoint ??
    connection.model<WebhookEndpointDoc>('WebhookEndpoint', webhookEndpointSchema)
  );
}
