/**
 * The joint meeting's chair rotates among the member units month by month (轮值主席). Members are
 * taken in a stable order (by id), and month n of the era (months since January 2000) is chaired
 * by member n mod count, so every member chairs once per round and the order survives restarts.
 */
export function rotatingChair<T extends { id: string }>(members: readonly T[], month: string): T | null {
  if (members.length === 0) return null;
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = (y - 2000) * 12 + (m - 1);
  const sorted = [...members].sort((a, b) => a.id.localeCompare(b.id));
  return sorted[((index % sorted.length) + sorted.length) % sorted.length]!;
}
