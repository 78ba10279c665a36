import type { TopicMessage } from './topic-reader';

/**
 * What the replay command writes to the replays topic for each message it puts back on the events
 * topic: its memory, so a later run does not republish the message again. Keyed by the message's
 * original position (`dlq-source`): every consumer group that refused that message left a dead
 * letter of its own, and one republished copy reaches all of them.
 */
export interface ReplayRecord {
  /** The refused message's original position, `topic/partition/offset`. */
  source: string;
  /** The dead letter it was replayed from, `topic/partition/offset`. */
  deadLetter: string;
  /** Where the republished copy went, `topic/partition/offset`. */
  republishedAs: string;
  /** ISO time of the replay. */
  replayedAt: string;
}

export function encodeReplayRecord(record: ReplayRecord): { key: string; value: string } {
  return { key: record.source, value: JSON.stringify(record) };
}

/** The record a message of the replays topic holds, or null for anything else written there. */
export function decodeReplayRecord(message: Pick<TopicMessage, 'value'>): ReplayRecord | null {
  try {
    const value = JSON.parse(message.value?.toString('utf8') ?? '') as Partial<ReplayRecord> | null;
    if (
      typeof value?.source === 'string' &&
      typeof value.deadLetter === 'string' &&
      typeof value.republishedAs === 'string' &&
      typeof value.replayedAt === 'string'
    ) {
      return {
        source: value.source,
        deadLetter: value.deadLetter,
        republishedAs: value.republishedAs,
        replayedAt: value.replayedAt,
      };
    }
  } catch {
    // not one of ours
  }
  return null;
}
