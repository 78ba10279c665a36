import { type DeadLetter, formatPosition, type TopicPosition } from './dead-letter';
import type { ReplayRecord } from './dead-letter-replay-record';

/** Which dead letters a run looks at; all given conditions must hold. */
export interface DeadLetterFilter {
  /** Only those this consumer group refused, named with or without the deployment's prefix. */
  group?: string;
  /** Only those whose reason contains this text (any case). */
  reason?: string;
  /** Only the one at this offset of the dead-letter topic. */
  offset?: string;
  /** Also replay values that are not valid events (true poison), which would only be refused again. */
  includeInvalid?: boolean;
}

/** What a run does with a dead letter its filter selects. */
export type DeadLetterVerdict =
  /** Its message goes back on the events topic, on the partition it came from. */
  | { kind: 'replay'; source: TopicPosition }
  /** Another group's dead letter of the same message is replayed in this run; that one copy reaches every group. */
  | { kind: 'same-message'; replayedWith: TopicPosition }
  /** An earlier run republished its message. */
  | { kind: 'already-replayed'; record: ReplayRecord }
  /** Not JSON or not a valid event: replaying it would only dead-letter it again (unless `includeInvalid`). */
  | { kind: 'invalid' }
  /** It does not say where it came from, or came from another topic than this deployment's events. */
  | { kind: 'no-source'; why: string };

export interface PlannedDeadLetter {
  deadLetter: DeadLetter;
  verdict: DeadLetterVerdict;
}

export interface DeadLetterReplayPlan {
  /** Dead letters on the topic. */
  total: number;
  /** Those the filter selects, in the order they were dead-lettered. */
  selected: PlannedDeadLetter[];
  skippedByFilter: number;
}

export interface PlanContext {
  topicPrefix: string;
  /** The deployment's events topic: the only place a dead letter's message is put back. */
  eventsTopic: string;
}

/**
 * Decides, for each dead letter in order, whether a run replays it. A message is replayed once:
 * the record of earlier runs is keyed by its original position, and within a run only the first
 * of its dead letters (one per group that refused it) republishes it.
 */
export function planDeadLetterReplay(
  deadLetters: readonly DeadLetter[],
  replayed: ReadonlyMap<string, ReplayRecord>,
  filter: DeadLetterFilter,
  context: PlanContext,
): DeadLetterReplayPlan {
  const replayingNow = new Map<string, TopicPosition>();
  const selected: PlannedDeadLetter[] = [];
  for (const deadLetter of deadLetters) {
    if (!matches(deadLetter, filter, context.topicPrefix)) continue;
    selected.push({ deadLetter, verdict: verdictFor(deadLetter) });
  }
  return { total: deadLetters.length, selected, skippedByFilter: deadLetters.length - selected.length };

  function verdictFor(deadLetter: DeadLetter): DeadLetterVerdict {
    const { source } = deadLetter;
    if (!source) return { kind: 'no-source', why: 'no readable dlq-source header' };
    if (source.topic !== context.eventsTopic) {
      return { kind: 'no-source', why: `came from ${source.topic}, not ${context.eventsTopic}` };
    }
    const key = formatPosition(source);
    const record = replayed.get(key);
    if (record) return { kind: 'already-replayed', record };
    if (deadLetter.invalid && !filter.includeInvalid) return { kind: 'invalid' };
    const first = replayingNow.get(key);
    if (first) return { kind: 'same-message', replayedWith: first };
    replayingNow.set(key, deadLetter.position);
    return { kind: 'replay', source };
  }
}

function matches(deadLetter: DeadLetter, filter: DeadLetterFilter, topicPrefix: string): boolean {
  if (filter.group !== undefined) {
    const group = deadLetter.group;
    if (group !== filter.group && group !== `${topicPrefix}${filter.group}`) return false;
  }
  if (filter.reason !== undefined && !deadLetter.reason.toLowerCase().includes(filter.reason.toLowerCase())) {
    return false;
  }
  if (filter.offset !== undefined && deadLetter.position.offset !== filter.offset) return false;
  return true;
}

/** How many selected dead letters got each verdict. */
export function countVerdicts(
  planned: readonly { verdict: DeadLetterVerdict }[],
): Record<DeadLetterVerdict['kind'], number> {
  const counts = { replay: 0, 'same-message': 0, 'already-replayed': 0, invalid: 0, 'no-source': 0 };
  for (const p of planned) counts[p.verdict.kind] += 1;
  return counts;
}
