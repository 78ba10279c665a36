import type { CalendarDefinition } from '@grid-dispatch/domain';
import { type Connection, type Model, Schema } from 'mongoose';
import { type LocalizedName, localizedNameSchema } from './localized-name';

/**
 * A working calendar (office hours, holidays and 调休 per year) as the administrator keeps it;
 * `validateCalendarDefinition` in the domain checks it and turns it into the form the deadline
 * arithmetic uses. Arrays of sub-documents only, never arrays of arrays (FerretDB 1.24).
 */
export interface CalendarDoc extends Omit<CalendarDefinition, 'id' | 'name'> {
  _id: string;
  name: LocalizedName;
  createdAt: Date;
  updatedAt: Date;
}

const daySchema = new Schema(
  { date: { type: String, required: true }, name: { type: String, required: true } },
  { _id: false },
);

const yearSchema = new Schema(
  {
    year: { type: Number, required: true },
    status: { type: String, required: true, enum: ['official', 'reconstructed'] },
    source: { type: String, default: '' },
    holidays: { type: [daySchema], default: [] },
    makeUpWorkdays: { type: [daySchema], default: [] },
  },
  { _id: false },
);

const calendarSchema = new Schema<CalendarDoc>(
  {
    _id: { type: String, required: true },
    name: { type: localizedNameSchema, required: true },
    timezone: { type: String, required: true },
    officeHours: {
      type: [new Schema({ start: String, end: String }, { _id: false })],
      required: true,
    },
    workingWeekdays: { type: [Number], required: true },
    years: { type: [yearSchema], default: [] },
  },
  { timestamps: true, versionKey: false, collection: 'calendars' },
);

export function calendarModel(connection: Connection): Model<CalendarDoc> {
  return connection.models.Calendar ?? connection.model<CalendarDoc>('Calendar', calendarSchema);
}

/** The definition stored in a document (the domain validates it before use). */
export function calendarDefinitionOf(doc: CalendarDoc): CalendarDefinition {
  return {
    id: doc._id,
    name: { zh: doc.name.zh, en: doc.name.en },
    timezone: doc.timezone,
    officeHours: doc.officeHours.map((p) => ({ start: p.start, end: p.end })),
    workingWeekdays: [...doc.workingWeekdays],
    years: doc.years.map((y) => ({
      year: y.year,
      status: y.status,
      source: y.source ?? '',
      holidays: y.holidays.map((d) => ({ date: d.date, name: d.name })),
      makeUpWorkdays: y.makeUpWorkdays.map((d) => ({ date: d.date, name: d.name })),
    })),
  };
}
