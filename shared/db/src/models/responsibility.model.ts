import { type Connection, type Model, Schema } from 'mongoose';

/** One line of the responsibility list (责任清单): (category, area) → lead unit and assisting units. */
export interface ResponsibilityDoc {
  _id: string;
  category: string;
  areaId: string;
  leadUnitId: string;
  assistUnitIds: string[];
  createdAt: Date;
  updatedAt: Date;
}

const responsibilitySchema = new Schema<ResponsibilityDoc>(
  {
    _id: { type: String, required: true },
    category: { type: String, required: true },
    areaId: { type: String, required: true },
    leadUnitId: { type: String, required: true },
    assistUnitIds: { type: [String], default: [] },
  },
  { timestamps: true, versionKey: false, collection: 'responsibilities' },
);
// One line per (category, area): the routing rule "most specific area wins" needs no tie-breaking.
responsibilitySchema.index({ category: 1, areaId: 1 }, { unique: true });

export function responsibilityModel(connection: Connection): Model<ResponsibilityDoc> {
  return (
    connection.models.Responsibility ??
    connection.model<ResponsibilityDoc>('Responsibility', responsibilitySchema)
  );
}
