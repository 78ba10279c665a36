import type { Actor, DeadlineState, EventEnvelope, TicketStatusName } from '@grid-dispatch/contracts';
import type { DeadlineKind, Priority } from '@grid-dispatch/domain';
import { type Connection, type Model, Schema } from 'mongoose';

/** One entry of a ticket's history, kept forever: every transition of the ticket is an event. */
export interface TicketHistoryEntry {
  eventId: string;
  type: string;
  version: number;
  at: Date;
  actor: Actor;
  /** Public-safe details (ids, notes); never a phone number. */
  payload: Record<string, unknown>;
}

export interface PendingRequest {
  kind: 'return' | 'extension';
  requestedBy: string;
  requestedAt: Date;
  reason: string;
  resolveBy?: string;
  previousStatus: TicketStatusName;
}

export type TicketChannel = 'web' | 'open311' | 'hotline';

/** Who took a caller's report on the hotline; internal, never shown to residents or outside clients. */
export interface HotlineIntake {
  /** The agent's user id. */
  agentId: string;
  /** The call's reference in the hotline's own telephony system. */
  callReference: string;
}

export interface TicketDoc {
  _id: string;
  trackingCode: string;
  /** sha256 of the reporter token handed to the resident once; proves the reporter for feedback. */
  reporterTokenHash: string;
  version: number;
  status: TicketStatusName;
  category: string;
  priority: Priority;
  clock: 'calendar' | 'working';
  description: string;
  address: string | null;
  location: { lat: number; lng: number } | null;
  photos: string[];
  /** Personal data: only staff in scope see it, masked; it never enters events, jobs or logs. */
  contact: { name?: string; phone?: string } | null;
  areaIds: string[];
  unitId: string | null;
  assistUnitIds: string[];
  escalationLevel: number;
  deadlines: Partial<Record<DeadlineKind, DeadlineState>>;
  pendingRequest: PendingRequest | null;
  mergedInto: string | null;
  /** Residents who said "I have this too" instead of filing the same report again. */
  supporters?: number;
  /** sha256 of ticket id + each supporter's device id: one support per device; never shown. */
  supporterKeys?: string[];
  /** Every stop of the SLA clock while a return or extension awaited a decision. */
  clockPauses: Array<{
    deadline: DeadlineKind;
    from: string;
    to: string | null;
    reason: string;
  }>;
  /** The resident's latest rating of the fix. */
  rating: 'satisfied' | 'basically_satisfied' | 'dissatisfied' | null;
  idempotencyKey?: string;
  idempotencyHash?: string;
  /** How the report came in: the own report form ('web'), an Open311 client ('open311') or a hotline agent ('hotline'). */
  channel?: TicketChannel;
  /** For channel 'hotline': the agent and the call; null otherwise. */
  hotline?: HotlineIntake | null;
  /**
   * The reporter's phone as digits only (a mobile without +86), indexed: the hotline finds a
   * caller's earlier reports by an equality on a top-level field, which FerretDB serves from an
   * index. Personal data like `contact`; absent when no phone was given.
   */
  phoneKey?: string;
  /** The Open311 client's name (the API key's holder) for channel 'open311'; null otherwise. */
  clientName?: string | null;
  /**
   * The day the report came in, 'YYYY-MM-DD' in China Standard Time: an indexed equality, so a
   * search over a date range asks one day at a time (FerretDB serves no range from an index).
   */
  createdDay?: string;
  /**
   * The planned works this report was linked to at intake: held back from dispatch (no clocks)
   * until they end. Absent for every other report.
   */
  plannedWorksId?: string;
  /** When the linked works ended and the report was handed to the dispatcher; null while held. */
  plannedWorksReleasedAt?: Date | null;
  events: TicketHistoryEntry[];
  /** The transactional outbox: events written with the state change, not yet on Kafka. */
  outbox: EventEnvelope[];
  /** True while the outbox holds events: an indexed flag, so the relay's poll never scans every ticket. */
  outboxPending: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const ticketSchema = new Schema<TicketDoc>(
  {
    _id: { type: String, required: true },
    trackingCode: { type: String, required: true },
    reporterTokenHash: { type: String, required: true },
    version: { type: Number, required: true },
    status: { type: String, required: true },
    category: { type: String, required: true },
    priority: { type: String, required: true },
    clock: { type: String, required: true },
    description: { type: String, required: true },
    address: { type: String, default: null },
    location: { type: Schema.Types.Mixed, default: null },
    photos: { type: [String], default: [] },
    contact: { type: Schema.Types.Mixed, default: null },
    areaIds: { type: [String], default: [] },
    unitId: { type: String, default: null },
    assistUnitIds: { type: [String], default: [] },
    escalationLevel: { type: Number, default: 0 },
    deadlines: { type: Schema.Types.Mixed, default: {} },
    pendingRequest: { type: Schema.Types.Mixed, default: null },
    mergedInto: { type: String, default: null },
    supporters: { type: Number, default: 0 },
    supporterKeys: { type: [String], default: [] },
    clockPauses: { type: Schema.Types.Mixed, default: () => [] },
    rating: { type: String, default: null },
    idempotencyKey: { type: String, required: false },
    idempotencyHash: { type: String, required: false },
    channel: { type: String, default: 'web' },
    clientName: { type: String, default: null },
    hotline: { type: Schema.Types.Mixed, default: null },
    phoneKey: { type: String, required: false },
    createdDay: { type: String, required: false },
    plannedWorksId: { type: String, required: false },
    plannedWorksReleasedAt: { type: Date, required: false },
    events: { type: Schema.Types.Mixed, default: () => [] },
    outbox: { type: Schema.Types.Mixed, default: () => [] },
    outboxPending: { type: Boolean, default: false },
  },
  // `minimize: false` keeps `deadlines: {}`; `versionKey` off: our own `version` is the concurrency token.
  { timestamps: true, versionKey: false, minimize: false, collection: 'tickets' },
);
ticketSchema.index({ trackingCode: 1 }, { unique: true });
// Sparse: only reports sent with an Idempotency-Key carry one (FerretDB has no partial indexes).
ticketSchema.index({ idempotencyKey: 1 }, { unique: true, sparse: true });
ticketSchema.index({ status: 1, category: 1 });
ticketSchema.index({ unitId: 1, status: 1 });
ticketSchema.index({ outboxPending: 1 });
ticketSchema.index({ createdDay: 1 });
// The hotline's lookup of a caller's earlier reports.
ticketSchema.index({ phoneKey: 1 });
// The reports held by one planned works, released when the works end.
ticketSchema.index({ plannedWorksId: 1 });

export function ticketModel(connection: Connection): Model<TicketDoc> {
  return connection.models.Ticket ?? connection.model<TicketDoc>('Ticket', ticketSchema);
}
