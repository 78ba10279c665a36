import { type Connection, type Model, Schema } from 'mongoose';

/** running until endsAt; ended early or cancelled by its unit (both release the linked reports). */
export const PLANNED_WORKS_STATES = ['active', 'ended', 'cancelled'] as const;
export type PlannedWorksState = (typeof PLANNED_WORKS_STATES)[number];

/** A unit's announcement of planned works (the domain's `PlannedWorks`, stored). */
export interface PlannedWorksDoc {
  _id: string;
  unitId: string;
  categories: string[];
  /** Exactly one of the two is set. */
  polygon: { type: 'Polygon'; coordinates: number[][][] } | null;
  gridIds: string[];
  startsAt: Date;
  endsAt: Date;
  notice: { zh: string; en: string };
  state: PlannedWorksState;
  /** When ended early or cancelled; null while active (it then ends at endsAt). */
  stoppedAt: Date | null;
  /**
   * When the linked reports still open were handed to the dispatcher. Null until then: the
   * start-up sweep releases every finished announcement that still has it null.
   */
  releasedAt: Date | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const plannedWorksSchema = new Schema<PlannedWorksDoc>(
  {
    _id: { type: String, required: true },
    unitId: { type: String, required: true },
    categories: { type: [String], required: true },
    polygon: { type: Schema.Types.Mixed, default: null },
    gridIds: { type: [String], default: [] },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    notice: { zh: { type: String, required: true }, en: { type: String, required: true } },
    state: { type: String, required: true, enum: PLANNED_WORKS_STATES, default: 'active' },
    stoppedAt: { type: Date, default: null },
    releasedAt: { type: Date, default: null },
    createdBy: { type: String, required: true },
  },
  { timestamps: true, versionKey: false, collection: 'planned_works' },
);
plannedWorksSchema.index({ state: 1, endsAt: 1 });
plannedWorksSchema.index({ unitId: 1, startsAt: -1 });

export function plannedWorksModel(connection: Connection): Model<PlannedWorksDoc> {
  return (
    connection.models.PlannedWorks ?? connection.model<PlannedWorksDoc>('PlannedWorks', plannedWorksSchema)
  );
}
