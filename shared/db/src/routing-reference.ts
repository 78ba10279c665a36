import type { AreaNode, Responsibility } from '@grid-dispatch/domain';
import type { ReferenceStamp } from '@grid-dispatch/redis';
import { StampedCache, type StampedCacheOptions } from '@grid-dispatch/redis';
import { toAreaNode } from './area-boundary';
import type { CategoryDoc, Models } from './models';

/** What routing a report needs: every area (with its boundary), the responsibility list, the categories. */
export interface RoutingData {
  areas: AreaNode[];
  responsibilitiesFor(category: string): Responsibility[];
  category(code: string): CategoryDoc | undefined;
}

/**
 * The dispatcher's copy of the reference data it routes with. Reading every area (and parsing
 * every boundary), the category and its responsibility lines for each report cost three database
 * reads per report; this keeps them in memory and reloads them when an administrator changes
 * anything (see `StampedCache`).
 */
export class RoutingReference {
  private readonly cache: StampedCache<RoutingData>;

  constructor(
    private readonly models: Pick<Models, 'areas' | 'responsibilities' | 'categories'>,
    stamp: ReferenceStamp,
    options: StampedCacheOptions = {},
  ) {
    this.cache = new StampedCache(stamp, () => this.load(), options);
  }

  get(): Promise<RoutingData> {
    return this.cache.get();
  }

  private async load(): Promise<RoutingData> {
    const [areas, responsibilities, categories] = await Promise.all([
      this.models.areas
        .find({}, { _id: 1, level: 1, parentId: 1, boundaryJson: 1, dutyUnitId: 1 })
        .lean()
        .exec(),
      this.models.responsibilities.find({}).lean().exec(),
      this.models.categories.find({}).lean<CategoryDoc[]>().exec(),
    ]);
    const byCategory = new Map<string, Responsibility[]>();
    for (const r of responsibilities) {
      const list = byCategory.get(r.category) ?? [];
      list.push({
        id: r._id,
        category: r.category,
        areaId: r.areaId,
        leadUnitId: r.leadUnitId,
        assistUnitIds: r.assistUnitIds,
      });
      byCategory.set(r.category, list);
    }
    const categoryByCode = new Map(categories.map((c) => [c._id, c]));
    return {
      areas: areas.map(toAreaNode),
      responsibilitiesFor: (category) => byCategory.get(category) ?? [],
      category: (code) => categoryByCode.get(code),
    };
  }
}
