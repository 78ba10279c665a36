import { type DeadLetter, formatPosition } from './dead-letter';
import type { DeadLetterOutcome, DeadLetterReplayResult } from './dead-letter-replay';
import { countVerdicts } from './dead-letter-replay-plan';

/**
 * What the replay command prints for one dead letter: what it is (offset, time, group, origin,
 * event), why it was refused, and what the run did with it. One fact line that greps well, then
 * the reason (which may be long) and the outcome on lines of their own.
 */
export function describeOutcome(outcome: DeadLetterOutcome, dryRun: boolean): string[] {
  const d = outcome.deadLetter;
  const facts = [
    `offset ${d.position.offset}${d.position.partition === 0 ? '' : ` (partition ${d.position.partition})`}`,
    d.at.toISOString(),
    `group ${d.group ?? '?'}`,
    `from ${d.source ? formatPosition(d.source) : '?'}`,
    eventOf(d),
  ];
  return [facts.join('  '), `  reason: ${d.reason}`, `  → ${outcomeText(outcome, dryRun)}`];
}

function eventOf(d: DeadLetter): string {
  if (d.invalid === 'value is not JSON') return 'value not JSON';
  return `${d.eventType ?? 'event type ?'}  ticket ${d.ticketId ?? '?'}`;
}

function outcomeText(outcome: DeadLetterOutcome, dryRun: boolean): string {
  const { verdict, deadLetter } = outcome;
  switch (verdict.kind) {
    case 'replay':
      if (dryRun || !outcome.republishedAs) return 'would replay';
      return `replayed as ${formatPosition(outcome.republishedAs)}`;
    case 'same-message':
      return `${dryRun ? 'would be replayed' : 'replayed'} with offset ${verdict.replayedWith.offset} (the same message: one copy reaches every group)`;
    case 'already-replayed':
      return `already replayed ${verdict.record.replayedAt} as ${verdict.record.republishedAs}`;
    case 'invalid':
      return `not replayed: ${shorten(deadLetter.invalid ?? '', 160)} (it would only be refused again; --include-invalid replays it)`;
    case 'no-source':
      return `cannot replay: ${verdict.why}`;
  }
}

/** A schema's complaint can run to a paragraph: the outcome line keeps its start. */
function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The closing line: `replayed N of M dead letters; K skipped by filter`, then whatever else applies. */
export function summarizeReplay(result: DeadLetterReplayResult): string {
  const counts = countVerdicts(result.outcomes);
  const settled = counts.replay + counts['same-message'];
  const parts = [
    `${result.dryRun ? 'would replay' : 'replayed'} ${settled} of ${result.total} dead letters`,
    `${result.skippedByFilter} skipped by filter`,
  ];
  if (counts['already-replayed'] > 0) parts.push(`${counts['already-replayed']} already replayed`);
  if (counts.invalid > 0) parts.push(`${counts.invalid} invalid (not replayed without --include-invalid)`);
  if (counts['no-source'] > 0) parts.push(`${counts['no-source']} without a replayable source`);
  parts.push(
    result.dryRun
      ? 'nothing republished (--list)'
      : `${result.republished} ${result.republished === 1 ? 'message' : 'messages'} republished`,
  );
  return parts.join('; ');
}
