import type { NeedKind, NeedStatus } from '@grid-dispatch/domain';
import { NEED_KINDS, NEED_STATUSES } from '@grid-dispatch/domain';
import { type Connection, type Model, Schema } from 'mongoose';
import type { CommitteeRecord } from '../committee-outbox';
import { committeeRecordFields, latLngField } from './committee-record.schema';

/** A need on a joint committee's needs list (需求清单), raised by a resident or by staff for one. */
export interface NeedDoc extends CommitteeRecord {
  title: string;
  description: string;
  kind: NeedKind;
  peopleConcerned: number;
  location: { lat: number; lng: number } | null;
  raisedBy: { channel: 'resident' | 'staff'; userId: string | null; unitId: string | null };
  /** The resident's phone, for staff only: never on a public answer nor in an event. */
  contactPhone: string | null;
  status: NeedStatus;
  /** Shown to residents on the need's public page. */
  declineReason: string | null;
  mergedInto: string | null;
  supporters: number;
  /**
   * One-way keys of who said "me too" (device ids and phone numbers, hashed with the community id),
   * so each says it once; the raiser's own is among them.
   */
  supporterKeys: string[];
  raisedAt: Date;
  updatedAt: Date;
}

const needSchema = new Schema<NeedDoc>(
  {
    _id: { type: String, required: true },
    ...committeeRecordFields,
    title: { type: String, required: true },
    description: { type: String, required: true },
    kind: { type: String, required: true, enum: NEED_KINDS },
    peopleConcerned: { type: Number, required: true },
    location: latLngField,
    raisedBy: {
      type: new Schema(
        {
          channel: { type: String, required: true, enum: ['resident', 'staff'] },
          userId: { type: String, default: null },
          unitId: { type: String, default: null },
        },
        { _id: false },
      ),
      required: true,
    },
    contactPhone: { type: String, default: null },
    status: { type: String, required: true, enum: NEED_STATUSES, default: 'open' },
    declineReason: { type: String, default: null },
    mergedInto: { type: String, default: null },
    supporters: { type: Number, default: 0 },
    supporterKeys: { type: [String], default: [] },
  },
  {
    timestamps: { createdAt: 'raisedAt', updatedAt: 'updatedAt' },
    versionKey: false,
    collection: 'committee_needs',
  },
);
needSchema.index({ communityId: 1, status: 1 });
needSchema.index({ areaIds: 1, raisedAt: -1 });
needSchema.index({ outboxPending: 1 });

export function needModel(connection: Connection): Model<NeedDoc> {
  return connection.models.Need ?? connection.model<NeedDoc>('Need', needSchema);
}
