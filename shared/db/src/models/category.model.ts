import type { ClockKind, Priority } from '@grid-dispatch/domain';
import { type Connection, type Model, Schema } from 'mongoose';
import { type LocalizedName, localizedNameSchema } from './localized-name';

/** A kind of problem residents can report, with its priority and time limits (ISO-8601 durations). */
export interface CategoryDoc {
  _id: string;
  name: LocalizedName;
  /** A plain sentence for the resident's category picker. */
  description: LocalizedName;
  priority: Priority;
  ackWithin: string;
  resolveWithin: string;
  calendar: ClockKind;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const categorySchema = new Schema<CategoryDoc>(
  {
    _id: { type: String, required: true },
    name: { type: localizedNameSchema, required: true },
    description: { type: localizedNameSchema, required: true },
    priority: { type: String, required: true, enum: ['P1', 'P2', 'P3', 'P4'] },
    ackWithin: { type: String, required: true },
    resolveWithin: { type: String, required: true },
    calendar: { type: String, required: true, enum: ['calendar', 'working'] },
    active: { type: Boolean, default: true },
  },
  { timestamps: true, versionKey: false, collection: 'categories' },
);

export function categoryModel(connection: Connection): Model<CategoryDoc> {
  return connection.models.Category ?? connection.model<CategoryDoc>('Category', categorySchema);
}
