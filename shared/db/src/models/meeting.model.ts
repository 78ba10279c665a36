import type { CommitteeEvent } from '@grid-dispatch/contracts';
import { type Connection, type Model, Schema } from 'mongoose';

export const MEETING_STATUSES = ['planned', 'held'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** A decision as recorded at the meeting (the domain's `MeetingDecision`, with when and by whom). */
export interface MeetingDecisionDoc {
  kind: 'approve_project' | 'assign_unit' | 'set_milestone' | 'note';
  projectId?: string;
  unitId?: string;
  milestone?: { id?: string; title: string; dueAt: string };
  text?: string;
  at: Date;
  by: string;
}

/** A joint committee's monthly meeting (联席会议): one per community and month. */
export interface MeetingDoc {
  _id: string;
  communityId: string;
  /** 'YYYY-MM'. */
  month: string;
  chairUnitId: string;
  heldAt: Date | null;
  attendeeUnitIds: string[];
  decisions: MeetingDecisionDoc[];
  minutes: string | null;
  status: MeetingStatus;
  /** Counts up on every change: the concurrency token (If-Match) and the events' subject version. */
  version: number;
  /** Events written with the change that caused them, removed once Kafka has them. */
  outbox: CommitteeEvent[];
  /** True while the outbox holds events: an indexed flag, so the flush never scans every document. */
  outboxPending: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const meetingSchema = new Schema<MeetingDoc>(
  {
    _id: { type: String, required: true },
    communityId: { type: String, required: true },
    month: { type: String, required: true },
    chairUnitId: { type: String, required: true },
    heldAt: { type: Date, default: null },
    attendeeUnitIds: { type: [String], default: [] },
    decisions: { type: Schema.Types.Mixed, default: () => [] },
    minutes: { type: String, default: null },
    status: { type: String, required: true, enum: MEETING_STATUSES, default: 'planned' },
    version: { type: Number, required: true, default: 1 },
    outbox: { type: Schema.Types.Mixed, default: () => [] },
    outboxPending: { type: Boolean, default: false },
    createdBy: { type: String, required: true },
  },
  { timestamps: true, versionKey: false, minimize: false, collection: 'meetings' },
);
meetingSchema.index({ outboxPending: 1 });
meetingSchema.index({ communityId: 1, month: 1 }, { unique: true });

export function meetingModel(connection: Connection): Model<MeetingDoc> {
  return connection.models.Meeting ?? connection.model<MeetingDoc>('Meeting', meetingSchema);
}
