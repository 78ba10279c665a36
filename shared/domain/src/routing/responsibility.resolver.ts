/**
 * One line of the responsibility list (责任清单): for problems of `category` in `areaId` (and, unless
 * a more specific line exists, everything below it), `leadUnitId` answers (主办) and
 * `assistUnitIds` help (协办).
 */
export interface Responsibility {
  id: string;
  category: string;
  areaId: string;
  leadUnitId: string;
  assistUnitIds: string[];
}

/**
 * Who gets a new ticket: the matched lead and assisting units, or — when the list has no line for
 * this category anywhere on the area path — the district as fallback owner (兜底). `districtId` is
 * `null` when the location lies outside every grid, so not even a district is known.
 */
export type RoutingDecision =
  | {
      kind: 'matched';
      leadUnitId: string;
      assistUnitIds: string[];
      matchedAreaId: string;
      responsibilityId: string;
    }
  | { kind: 'fallback'; districtId: string | null };

/** Input to {@link resolveResponsibility}. */
export interface RoutingInput {
  category: string;
  /** The ticket's areas, most specific first: `[grid, community, sub-district, district]`. */
  areaPath: readonly string[];
  responsibilities: readonly Responsibility[];
}

/**
 * Routes a ticket by the responsibility list: walk the area path from the most specific area
 * outwards and take the first area with a line for the category. Several lines for the same area
 * and category are a data-entry slip; the lowest id wins so every router instance, on every replay
 * of the same event, picks the same unit.
 *
 * Assisting units are deduplicated (first occurrence kept) and never include the lead unit, so the
 * lead is not notified twice nor counted as its own helper in the KPIs.
 */
export function resolveResponsibility(input: RoutingInput): RoutingDecision {
  const { category, areaPath, responsibilities } = input;
  for (const areaId of areaPath) {
    let chosen: Responsibility | undefined;
    for (const line of responsibilities) {
      if (line.category !== category || line.areaId !== areaId) continue;
      if (chosen === undefined || line.id < chosen.id) chosen = line;
    }
    if (chosen !== undefined) {
      return {
        kind: 'matched',
        leadUnitId: chosen.leadUnitId,
        assistUnitIds: normaliseAssistUnits(chosen.leadUnitId, chosen.assistUnitIds),
        matchedAreaId: areaId,
        responsibilityId: chosen.id,
      };
    }
  }
  return { kind: 'fallback', districtId: areaPath[areaPath.length - 1] ?? null };
}

/** Assisting units without duplicates, without the lead, in their original order. */
export function normaliseAssistUnits(leadUnitId: string | null, assistUnitIds: readonly string[]): string[] {
  const result: string[] = [];
  for (const unitId of assistUnitIds) {
    if (unitId === leadUnitId || result.includes(unitId)) continue;
    result.push(unitId);
  }
  return result;
}
