import { type Connection, type Model, Schema } from 'mongoose';

/** The order in which a joint committee's member units take the chair; `_id` is the community's id. */
export interface CommitteeChairOrderDoc {
  _id: string;
  unitIds: string[];
  version: number;
  updatedBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const chairOrderSchema = new Schema<CommitteeChairOrderDoc>(
  {
    _id: { type: String, required: true },
    unitIds: { type: [String], default: [] },
    version: { type: Number, required: true, default: 1 },
    updatedBy: { type: String, required: true },
  },
  { timestamps: true, versionKey: false, collection: 'committee_chair_orders' },
);

export function committeeChairOrderModel(connection: Connection): Model<CommitteeChairOrderDoc> {
  return (
    connection.models.CommitteeChairOrder ??
    connection.model<CommitteeChairOrderDoc>('CommitteeChairOrder', chairOrderSchema)
  );
}
