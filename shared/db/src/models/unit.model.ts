import { type Connection, type Model, Schema } from 'mongoose';
import { type LocalizedName, localizedNameSchema } from './localized-name';

export const UNIT_KINDS = ['water', 'gas', 'power', 'municipal', 'heating', 'property', 'other'] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

/** A member unit of a joint committee (the water company's party branch, a property company …). */
export interface UnitDoc {
  _id: string;
  name: LocalizedName;
  kind: UnitKind;
  /** Areas the unit serves (communities, sub-districts or the district). */
  areaIds: string[];
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const unitSchema = new Schema<UnitDoc>(
  {
    _id: { type: String, required: true },
    name: { type: localizedNameSchema, required: true },
    kind: { type: String, required: true, enum: UNIT_KINDS },
    areaIds: { type: [String], default: [] },
    active: { type: Boolean, default: true },
  },
  { timestamps: true, versionKey: false, collection: 'units' },
);

export function unitModel(connection: Connection): Model<UnitDoc> {
  return connection.models.Unit ?? connection.model<UnitDoc>('Unit', unitSchema);
}
