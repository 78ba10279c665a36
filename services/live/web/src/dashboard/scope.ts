import type { Area } from '../lib/areas';

/** The area and everything under it: what a secretary of `rootId` sees (all areas if none given). */
export function subtree(areas: readonly Area[], rootId: string | undefined): Area[] {
  if (!rootId) return [...areas];
  const inside = new Set([rootId]);
  // Parents come in any order; repeat until nothing new joins (depth is at most four).
  let grew = true;
  while (grew) {
    grew = false;
    for (const a of areas)
      if (a.parentId && inside.has(a.parentId) && !inside.has(a.id)) {
        inside.add(a.id);
        grew = true;
      }
  }
  return areas.filter((a) => inside.has(a.id));
}
