import type { PlannedWorksDoc } from '@grid-dispatch/db';
import { coveringWorks, type PlannedWorks, type ReportPlace } from '@grid-dispatch/domain';
import { StampedCache } from '@grid-dispatch/redis';
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

/**
 * The planned works that are running or announced, in memory until a unit announces, ends or
 * cancels works (each moves the reference stamp) or for 60 s: one Redis round trip per report
 * instead of a database read. Works that ran out meanwhile are dropped by the time check at use.
 */
export class PlannedWorksCache {
  private readonly cache: StampedCache<PlannedWorks[]>;

  constructor(platform: Pick<IntakePlatform, 'models' | 'referenceStamp'>) {
    this.cache = new StampedCache(platform.referenceStamp, async () => {
      const active = await platform.models.plannedWorks
        .find({ state: 'active', endsAt: { $gt: new Date() } })
        .lean<PlannedWorksDoc[]>()
        .exec();
      return active.map(plannedWorksOf);
    });
  }

  /** Those of this category that have not ended by `now`. */
  async running(category: string, now: Date): Promise<PlannedWorks[]> {
    return (await this.cache.get()).filter((w) => w.categories.includes(category) && w.endsAt > now);
  }
}

/** The running planned works that cover a report, with the unit's public name, or null. */
export async function findCoveringWorks(
  platform: IntakePlatform,
  plannedWorks: PlannedWorksCache,
  place: ReportPlace,
  now: Date,
): Promise<PlannedWorksNotice | null> {
  const works = coveringWorks(place, await plannedWorks.running(place.category, now), now);
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
