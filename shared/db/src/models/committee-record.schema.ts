import { Schema } from 'mongoose';

/**
 * The fields every committee record (need, resource, project …) shares for versions and events;
 * see CommitteeRecord. Spread into each record's schema.
 */
export const committeeRecordFields = {
  communityId: { type: String, required: true },
  areaIds: { type: [String], required: true },
  version: { type: Number, required: true, default: 1 },
  outbox: { type: Schema.Types.Mixed, default: () => [] },
  outboxPending: { type: Boolean, default: false },
};

/** A place, as the report form gives it. */
export const latLngField = {
  type: new Schema({ lat: Number, lng: Number }, { _id: false }),
  default: null,
};
