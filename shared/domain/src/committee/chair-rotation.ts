/**
 * The joint meeting's chair rotates among the committee's member units (轮值主席). The committee
 * may keep an explicit order; members it does not name follow in a stable order (by id), so a unit
 * that joins later takes its turn without anyone editing the order.
 */
export interface ChairRotation {
  /** The order the committee keeps (unit ids); may name units that have since left. */
  storedOrder?: readonly string[];
  /** Who chaired the committee's last meeting before this one, if there was one. */
  lastChairId?: string | null;
}

/** The full turn sequence: the stored order (without repeats), then every other member by id. */
function turnSequence(memberIds: readonly string[], storedOrder: readonly string[]): string[] {
  const stored = [...new Set(storedOrder)];
  const named = new Set(stored);
  const rest = memberIds.filter((id) => !named.has(id)).sort((a, b) => a.localeCompare(b));
  return [...stored, ...[...new Set(rest)]];
}

/** The members in turn order: the stored order (leavers dropped), then the others by id. */
export function chairOrder(memberIds: readonly string[], storedOrder: readonly string[] = []): string[] {
  const members = new Set(memberIds);
  return turnSequence(memberIds, storedOrder).filter((id) => members.has(id));
}

/**
 * The chair of a month's meeting. After a meeting, the next member in turn order after its chair
 * (a unit that left the committee is skipped; the sequence wraps round). Before any meeting, month
 * n of the era (months since January 2000) goes to member n mod count, so the choice survives
 * restarts and every member chairs once per round. Null when the committee has no members.
 */
export function rotatingChair<T extends { id: string }>(
  members: readonly T[],
  month: string,
  rotation: ChairRotation = {},
): T | null {
  if (members.length === 0) return null;
  const byId = new Map(members.map((m) => [m.id, m]));
  const storedOrder = rotation.storedOrder ?? [];
  const last = rotation.lastChairId ?? null;
  if (last === null) {
    const order = chairOrder([...byId.keys()], storedOrder);
    const [y, m] = month.split('-').map(Number) as [number, number];
    const index = (y - 2000) * 12 + (m - 1);
    return byId.get(order[((index % order.length) + order.length) % order.length]!)!;
  }
  let sequence = turnSequence([...byId.keys()], storedOrder);
  if (!sequence.includes(last)) {
    // A leaver the stored order never named stood among the others by id: put it back there.
    const storedCount = new Set(storedOrder).size;
    const tail = [...sequence.slice(storedCount), last].sort((a, b) => a.localeCompare(b));
    sequence = [...sequence.slice(0, storedCount), ...tail];
  }
  const at = sequence.indexOf(last);
  for (let step = 1; step <= sequence.length; step++) {
    const next = byId.get(sequence[(at + step) % sequence.length]!);
    if (next) return next;
  }
  return null;
}
