import type { AreaNode } from './area.types';

/**
 * The chain from `areaId` up to its district: `[areaId, parent, …, district]`.
 *
 * This is the `areaPath` routing expects (most specific first). Broken data is reported loudly
 * rather than yielding a short path, because a short path silently misroutes tickets.
 *
 * @throws Error when `areaId` or an ancestor does not exist, or the parent links form a cycle.
 */
export function ancestorPath(areas: readonly AreaNode[], areaId: string): string[] {
  const byId = indexById(areas);
  const path: string[] = [];
  const seen = new Set<string>();
  let current = byId.get(areaId);
  if (current === undefined) throw new Error(`Unknown area id "${areaId}"`);
  while (current !== undefined) {
    if (seen.has(current.id)) {
      throw new Error(`Area hierarchy has a cycle: ${[...path, current.id].join(' → ')}`);
    }
    seen.add(current.id);
    path.push(current.id);
    if (current.parentId === null) break;
    const parent = byId.get(current.parentId);
    if (parent === undefined) {
      throw new Error(`Area "${current.id}" names parent "${current.parentId}", which does not exist`);
    }
    current = parent;
  }
  return path;
}

/**
 * Is `areaId` the same as `scopeAreaId` or somewhere below it? This is the "everything under my
 * area" test for secretaries. Unknown ids are simply outside the scope.
 *
 * @throws Error when the parent links form a cycle (corrupt data must not pass as "out of scope").
 */
export function isWithinArea(areas: readonly AreaNode[], areaId: string, scopeAreaId: string): boolean {
  if (areaId === scopeAreaId) return true;
  const byId = indexById(areas);
  const seen = new Set<string>();
  let current = byId.get(areaId);
  while (current !== undefined) {
    if (current.id === scopeAreaId) return true;
    if (seen.has(current.id)) throw new Error(`Area hierarchy has a cycle at "${current.id}"`);
    seen.add(current.id);
    if (current.parentId === null) return false;
    current = byId.get(current.parentId);
  }
  return false;
}

/**
 * `areaId` and every area below it, breadth first (the area itself comes first). Used to turn a
 * secretary's scope into an `areaIds $in […]` query.
 *
 * @throws Error when `areaId` does not exist.
 */
export function descendantIds(areas: readonly AreaNode[], areaId: string): string[] {
  if (!areas.some((area) => area.id === areaId)) throw new Error(`Unknown area id "${areaId}"`);
  const children = new Map<string, string[]>();
  for (const area of areas) {
    if (area.parentId === null) continue;
    const siblings = children.get(area.parentId);
    if (siblings === undefined) children.set(area.parentId, [area.id]);
    else siblings.push(area.id);
  }
  const result: string[] = [];
  const seen = new Set<string>();
  const queue = [areaId];
  // A visited set keeps a corrupt cyclic hierarchy from looping forever.
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (seen.has(next)) continue;
    seen.add(next);
    result.push(next);
    queue.push(...(children.get(next) ?? []));
  }
  return result;
}

function indexById(areas: readonly AreaNode[]): Map<string, AreaNode> {
  const byId = new Map<string, AreaNode>();
  for (const area of areas) byId.set(area.id, area);
  return byId;
}
