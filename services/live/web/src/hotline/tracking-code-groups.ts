/**
 * A tracking code as an agent reads it out: its three groups of four, each character on its own,
 * so "7K2M-9QXD-4HRT" is spoken group by group and a caller can write it down. Unknown shapes are
 * left as one group.
 */
export function trackingCodeGroups(code: string): string[][] {
  const groups = code.trim().toUpperCase().split('-');
  return groups.map((g) => [...g]);
}
