/** One event of a ticket's history, as far as its evidence is concerned. */
export interface EvidenceEvent {
  type: string;
  at: string | Date;
  payload?: { note?: unknown; photos?: unknown } | Record<string, unknown>;
}

export interface FixReport {
  at: string;
  note: string | null;
  photos: string[];
  /** False once a failed verification or a reopening came after it: the unit must fix again. */
  current: boolean;
}

/**
 * What the unit has shown of its work: its progress notes (oldest first) and its latest fix
 * report (办结反馈) with photos. These are the unit's words to the people who verify and rate the
 * fix (secretaries and the resident), so they are shown to both; every other staff note (a
 * return's reason, a secretary's decision) stays internal.
 */
export interface FixEvidence {
  fix: FixReport | null;
  updates: { at: string; note: string }[];
}

const SUPERSEDING = new Set(['ticket.verification_failed', 'ticket.reopened']);

export function fixEvidence(events: readonly EvidenceEvent[]): FixEvidence {
  let fix: FixReport | null = null;
  const updates: FixEvidence['updates'] = [];
  for (const e of events) {
    const at = new Date(e.at).toISOString();
    const note = textOf(e.payload?.note);
    if (e.type === 'ticket.progress_reported' && note) updates.push({ at, note });
    else if (e.type === 'ticket.resolved')
      fix = { at, note, photos: photosOf(e.payload?.photos), current: true };
    else if (fix && SUPERSEDING.has(e.type)) fix.current = false;
  }
  return { fix, updates };
}

function textOf(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function photosOf(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string' && p !== '') : [];
}
