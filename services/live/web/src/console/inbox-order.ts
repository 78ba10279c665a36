import { clockShown } from '@grid-dispatch/domain';
import type { LiveDeadlines } from '../lib/live';

interface Sortable {
  id: string;
  priority: string;
  status: string;
  deadlines: LiveDeadlines;
}

/** The deadline a row counts down to (the domain's `clockShown`). */
export function runningDeadline(t: { status: string; deadlines: LiveDeadlines }) {
  const kind = clockShown(t);
  return kind ? t.deadlines[kind] : undefined;
}

/**
 * Most urgent first: earliest running deadline, then priority. Tickets waiting on others — a
 * paused clock (a return or an extension before a secretary), or none — come last.
 */
export function inboxOrder(a: Sortable, b: Sortable): number {
  const urgentBy = (t: Sortable) => {
    const d = runningDeadline(t);
    return d && !d.pausedAt ? d.dueAt : '9999';
  };
  const da = urgentBy(a);
  const db = urgentBy(b);
  if (da !== db) return da < db ? -1 : 1;
  if (a.priority !== b.priority) return a.priority < b.priority ? -1 : 1;
  return a.id < b.id ? -1 : 1;
}
