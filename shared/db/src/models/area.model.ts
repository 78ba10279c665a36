import type { AreaLevel } from '@grid-dispatch/domain';
import { type Connection, type Model, Schema } from 'mongoose';
import { type LocalizedName, localizedNameSchema } from './localized-name';

export interface AreaDoc {
  _id: string;
  name: LocalizedName;
  level: AreaLevel;
  parentId: string | null;
  /**
   * The GeoJSON Polygon ([lng, lat]) as JSON text: FerretDB 1.24 refuses nested arrays, and a
   * polygon's coordinates are arrays of arrays of arrays. Read and write it through
   * `areaBoundary` / `boundaryJson` (area-boundary.ts). Grids always have one; point-in-polygon
   * runs in code (FerretDB has no geospatial index either).
   */
  boundaryJson: string | null;
  /** Districts only: the duty desk unit (see `AreaNode.dutyUnitId`). */
  dutyUnitId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const areaSchema = new Schema<AreaDoc>(
  {
    _id: { type: String, required: true },
    name: { type: localizedNameSchema, required: true },
    level: { type: String, required: true, enum: ['district', 'subdistrict', 'community', 'grid'] },
    parentId: { type: String, default: null },
    boundaryJson: { type: String, default: null },
    dutyUnitId: { type: String, default: null },
  },
  { timestamps: true, versionKey: false, collection: 'areas' },
);
areaSchema.index({ parentId: 1 });
areaSchema.index({ level: 1 });

export function areaModel(connection: Connection): Model<AreaDoc> {
  return connection.models.Area ?? connection.model<AreaDoc>('Area', areaSchema);
}
