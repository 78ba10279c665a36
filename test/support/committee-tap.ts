import { type CommitteeEvent, committeeEventSchema, Topic } from '@grid-dispatch/contracts';
import { eventually } from './http-client';
import { TopicTap } from './topic-tap';

/** Reads a test's committee-events topic from the beginning, keeping the raw values and the checked events. */
export class CommitteeTap extends TopicTap<CommitteeEvent> {
  constructor(brokers: string[], prefix: string) {
    super(brokers, prefix, Topic.CommitteeEvents, (value) => {
      const check = committeeEventSchema.safeParse(value);
      return check.success ? { ok: true, value: check.data } : { ok: false, reason: check.error.message };
    });
  }

  get events(): CommitteeEvent[] {
    return this.messages;
  }

  /** The events of one record, waiting until one of `type` has arrived. */
  async waitFor(
    entityId: string,
    type: CommitteeEvent['type'],
    timeoutMs = 60000,
  ): Promise<CommitteeEvent[]> {
    return eventually(async () => {
      const mine = this.events.filter((e) => e.entityId === entityId);
      return mine.some((e) => e.type === type) ? mine : undefined;
    }, timeoutMs);
  }

  /** The first event that satisfies `predicate`, waiting for it to arrive. */
  async find(predicate: (event: CommitteeEvent) => boolean, timeoutMs = 60000): Promise<CommitteeEvent> {
    return eventually(async () => this.events.find(predicate), timeoutMs);
  }
}
