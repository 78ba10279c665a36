import type { CommitteeEvent } from '@grid-dispatch/contracts';
import { type Connection, type Model, Schema } from 'mongoose';

/** An activity of a joint committee's calendar; residents see it once published. */
export interface ActivityDoc {
  _id: string;
  communityId: string;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  /** The venue, from the committee's resources list. */
  resourceId: string | null;
  organiserUnitId: string;
  published: boolean;
  publishedAt: Date | null;
  version: number;
  /** Events written with the change that caused them, removed once Kafka has them. */
  outbox: CommitteeEvent[];
  /** True while the outbox holds events: an indexed flag, so the flush never scans every document. */
  outboxPending: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const activitySchema = new Schema<ActivityDoc>(
  {
    _id: { type: String, required: true },
    communityId: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, default: '' },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    resourceId: { type: String, default: null },
    organiserUnitId: { type: String, required: true },
    published: { type: Boolean, required: true, default: false },
    publishedAt: { type: Date, default: null },
    version: { type: Number, required: true, default: 1 },
    outbox: { type: Schema.Types.Mixed, default: () => [] },
    outboxPending: { type: Boolean, default: false },
    createdBy: { type: String, required: true },
  },
  { timestamps: true, versionKey: false, minimize: false, collection: 'activities' },
);
activitySchema.index({ outboxPending: 1 });
activitySchema.index({ communityId: 1, startsAt: 1 });
activitySchema.index({ resourceId: 1, startsAt: 1 });

export function activityModel(connection: Connection): Model<ActivityDoc> {
  return connection.models.Activity ?? connection.model<ActivityDoc>('Activity', activitySchema);
}
