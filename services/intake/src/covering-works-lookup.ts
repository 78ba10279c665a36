import type { PlannedWorksDoc } from '@grid-dispatch/db';
import { coveringWorks, type PlannedWorks, type ReportPlace } from '@grid-dispatch/domain';
import type { IntakePlatform } from './intake-platform';

/** What the resident is told at once when planned works cover the report. */
export interface PlannedWorksNotice {
  id: string;
  unitId: string;
  unitName: { zh: string; en: string };
  endsAt: string;
  notice: { zh: string; en: string };
}

/** The stored announcement in the domain's shape. */
export function plannedWorksOf(doc: PlannedWorksDoc): PlannedWorks {
  return {
    id: doc._id,
    unitId: doc.unitId,
    categories: doc.categories,
    where: doc.polygon ? { polygon: doc.polygon } : { gridIds: doc.gridIds },
    startsAt: new Date(doc.startsAt),
    endsAt: new Date(doc.endsAt),
    notice: doc.notice,
  };
}

/** The running planned works that cover a report, with the unit's public name, or null. */
export async function findCoveringWorks(
  platform: IntakePlatform,
  place: ReportPlace,
  now: Date,
): Promise<PlannedWorksNotice | null> {
  // Running announcements of this category: few at any time, so one small read per report.
  const running = await platform.models.plannedWorks
    .find({ state: 'active', categories: place.category, endsAt: { $gt: now } })
    .lean<PlannedWorksDoc[]>()
    .exec();
  const works = coveringWorks(place, running.map(plannedWorksOf), now);
  if (!works) return null;
  const unit = await platform.models.units.findById(works.unitId, { name: 1 }).lean().exec();
  return {
    id: works.id,
    unitId: works.unitId,
    unitName: { zh: unit?.name.zh ?? works.unitId, en: unit?.name.en ?? works.unitId },
    endsAt: works.endsAt.toISOString(),
    notice: works.notice,
  };
}
