import type { GeoJsonPolygon, LatLng } from '../geo/geo.types';

/** Where planned works happen: a drawn polygon, or whole grids by id (one of the two). */
export type WorksArea =
  | { polygon: GeoJsonPolygon; gridIds?: undefined }
  | { gridIds: string[]; polygon?: undefined };

/**
 * A unit's announcement of planned works (a main replaced, a road resurfaced): reports of its
 * categories inside its area while it runs are the same work, not new work to dispatch.
 */
export interface PlannedWorks {
  id: string;
  unitId: string;
  /** Category ids the works cover (one or more). */
  categories: string[];
  where: WorksArea;
  startsAt: Date;
  /** Exclusive: at this instant the works are over. */
  endsAt: Date;
  notice: { zh: string; en: string };
}

/** What of a report decides whether planned works cover it. */
export interface ReportPlace {
  category: string;
  location: LatLng | null;
  /** The grid (and larger areas) the report lies in, as routing found them. */
  areaIds: readonly string[];
}
