import type { LiveDeadlines } from '../lib/live';

interface Sortable {
  id: string;
  priority: string;
  status: string;
  deadlines: LiveDeadlines;
}

/** The deadline the unit must meet next: sign while dispatched, fix while signed. */
export function runningDeadline(t: { status: string; deadlines: LiveDeadlines }) {
  if (t.status === 'dispatched') return t.deadlines.ack;
  if (t.status === 'accepted') return t.deadlines.resolve;
  if (t.status === 'resolved') return t.deadlines.verify;
  return undefined;
}

/** Most urgent first: earliest running deadline, then priority; tickets waiting on others last. */
export function inboxOrder(a: Sortable, b: Sortable): number {
  const da = runningDeadline(a)?.dueAt ?? '9999';
  const db = runningDeadline(b)?.dueAt ?? '9999';
  if (da !== db) return da < db ? -1 : 1;
  if (a.priority !== b.priority) return a.priority < b.priority ? -1 : 1;
  return a.id < b.id ? -1 : 1;
}
