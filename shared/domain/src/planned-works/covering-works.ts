import { pointInPolygon } from '../geo/point-in-polygon.math';
import type { PlannedWorks, ReportPlace } from './planned-works.types';

/** True while `now` lies in the works' half-open interval [startsAt, endsAt). */
export function worksRunAt(works: Pick<PlannedWorks, 'startsAt' | 'endsAt'>, now: Date): boolean {
  return works.startsAt.getTime() <= now.getTime() && now.getTime() < works.endsAt.getTime();
}

/** True when the report's place lies in the works' area (a polygon needs a map pin; grids need the routed grid). */
export function worksAreaHolds(works: Pick<PlannedWorks, 'where'>, report: ReportPlace): boolean {
  if (works.where.polygon) {
    return report.location !== null && pointInPolygon(report.location, works.where.polygon);
  }
  return works.where.gridIds.some((gridId) => report.areaIds.includes(gridId));
}

/**
 * The announcement that covers a report: same category, inside its area, running now. When
 * several do, the one that ends last wins — the report stays linked until every overlapping
 * works it belongs to are over, rather than dispatched while the longer works still go on; equal
 * ends fall back to the lower id so the answer never depends on order.
 */
export function coveringWorks<W extends PlannedWorks>(
  report: ReportPlace,
  announcements: readonly W[],
  now: Date,
): W | undefined {
  let best: W | undefined;
  for (const works of announcements) {
    if (!works.categories.includes(report.category)) continue;
    if (!worksRunAt(works, now) || !worksAreaHolds(works, report)) continue;
    if (
      best === undefined ||
      works.endsAt.getTime() > best.endsAt.getTime() ||
      (works.endsAt.getTime() === best.endsAt.getTime() && works.id < best.id)
    ) {
      best = works;
    }
  }
  return best;
}
