import type { NeedKind, NeedStatus } from './committee-kinds';

/** How alike two titles must be (Dice coefficient of their character pairs) to count as the same need. */
export const SIMILAR_TITLE_THRESHOLD = 0.5;

export interface NeedDraft {
  communityId: string;
  kind: NeedKind;
  title: string;
}

export interface ExistingNeed extends NeedDraft {
  id: string;
  status: NeedStatus;
}

/**
 * Letters and digits only, lower case: "Baby room!" and "baby-room" compare equal. Works for Chinese
 * titles as well (each character is a letter).
 */
function normalized(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

function pairs(text: string): string[] {
  const chars = [...text];
  if (chars.length < 2) return chars;
  return chars.slice(1).map((c, i) => `${chars[i]}${c}`);
}

/**
 * How alike two titles are, 0 to 1: the Dice coefficient of their adjacent character pairs
 * (after dropping case, spaces and punctuation). Insensitive to word order and small edits, and
 * it needs no word segmentation, which Chinese titles would.
 */
export function titleSimilarity(a: string, b: string): number {
  const left = pairs(normalized(a));
  const right = pairs(normalized(b));
  if (left.length === 0 || right.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const p of left) counts.set(p, (counts.get(p) ?? 0) + 1);
  let shared = 0;
  for (const p of right) {
    const n = counts.get(p) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(p, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/**
 * Needs a resident could support instead of filing a copy, most alike first: the same community
 * and kind, still open or accepted, with a similar title — as nearby reports of the same category
 * are offered before a report is sent.
 */
export function similarNeeds<N extends ExistingNeed>(draft: NeedDraft, needs: readonly N[], limit = 5): N[] {
  return needs
    .filter(
      (n) =>
        n.communityId === draft.communityId &&
        n.kind === draft.kind &&
        (n.status === 'open' || n.status === 'accepted'),
    )
    .map((n) => ({ need: n, score: titleSimilarity(draft.title, n.title) }))
    .filter((s) => s.score >= SIMILAR_TITLE_THRESHOLD)
    .sort((a, b) => b.score - a.score || (a.need.id < b.need.id ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.need);
}
