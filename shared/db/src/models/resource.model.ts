import type { NeedKind, ResourceKind } from '@grid-dispatch/domain';
import { NEED_KINDS, RESOURCE_KINDS } from '@grid-dispatch/domain';
import { type Connection, type Model, Schema } from 'mongoose';
import type { CommitteeRecord } from '../committee-outbox';
import { committeeRecordFields, latLngField } from './committee-record.schema';

/** What a member unit offers its joint committee (资源清单): a venue, volunteers, funds … */
export interface ResourceDoc extends CommitteeRecord {
  unitId: string;
  title: string;
  description: string;
  kind: ResourceKind;
  serves: NeedKind[];
  /** People or sessions it can take. */
  capacity: number;
  /** How much of the capacity approved projects use (added at approval, given back at delivery). */
  committed: number;
  /** ISO dates, YYYY-MM-DD; availableTo null is open-ended. */
  availableFrom: string;
  availableTo: string | null;
  openingHours: string | null;
  location: { lat: number; lng: number } | null;
  /** The unit's contact person: staff see it, the public lists never carry it. */
  contact: { name: string; phone: string };
  /** Withdrawn by its unit: kept (with its events) but in no list and matched to nothing. */
  withdrawnAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const resourceSchema = new Schema<ResourceDoc>(
  {
    _id: { type: String, required: true },
    ...committeeRecordFields,
    unitId: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    kind: { type: String, required: true, enum: RESOURCE_KINDS },
    serves: { type: [String], enum: NEED_KINDS, default: [] },
    capacity: { type: Number, required: true },
    committed: { type: Number, default: 0 },
    availableFrom: { type: String, required: true },
    availableTo: { type: String, default: null },
    openingHours: { type: String, default: null },
    location: latLngField,
    contact: {
      type: new Schema({ name: String, phone: String }, { _id: false }),
      required: true,
    },
    withdrawnAt: { type: Date, default: null },
  },
  { timestamps: true, versionKey: false, collection: 'committee_resources' },
);
resourceSchema.index({ unitId: 1 });
resourceSchema.index({ communityId: 1 });
resourceSchema.index({ areaIds: 1 });
resourceSchema.index({ outboxPending: 1 });

export function resourceModel(connection: Connection): Model<ResourceDoc> {
  return connection.models.Resource ?? connection.model<ResourceDoc>('Resource', resourceSchema);
}
