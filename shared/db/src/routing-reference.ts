import type { AreaNode, Responsibility } from '@grid-dispatch/domain';
import { toAreaNode } from './area-boundary';
import type { CategoryDoc, Models } from './models';
import type { ReferenceStamp } from './reference-stamp';

/** What routing a report needs: every area (with its boundary), the responsibility list, the categories. */
export interface RoutingData {
  areas: AreaNode[];
  responsibilitiesFor(category: string): Responsibility[];
  category(code: string): CategoryDoc | undefined;
}

export interface RoutingReferenceOptions {
  /** Longest the data is used without re-reading it, even if the stamp did not move (default 60 s). */
  maxAgeMs?: number;
}

/**
 * The dispatcher's copy of the reference data it routes with. Reading every area (and parsing
 * every boundary), the category and its responsibility lines for each report cost three database
 * reads per report; this keeps them in memory and reloads them when an administrator changes
 * anything (the ReferenceStamp moved), when Redis cannot tell, or after `maxAgeMs`.
 */
export class RoutingReference {
  private cached: { stamp: string; at: number; data: Promise<RoutingData> } | null = null;
  private readonly maxAgeMs: number;

  constructor(
    private readonly models: Pick<Models, 'areas' | 'responsibilities' | 'categories'>,
    private readonly stamp: ReferenceStamp,
    options: RoutingReferenceOptions = {},
  ) {
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
  }

  async get(): Promise<RoutingData> {
    const stamp = await this.stamp.current();
    const cached = this.cached;
    if (stamp !== null && cached && cached.stamp === stamp && Date.now() - cached.at < this.maxAgeMs) {
      return cached.data;
    }
    const data = this.load();
    if (stamp !== null) {
      const entry = { stamp, at: Date.now(), data };
      this.cached = entry;
      // A failed read is not kept: the next report reads the database again.
      data.catch(() => {
        if (this.cached === entry) this.cached = null;
      });
    }
    return data;
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
