import { checkEnvelope, type EventEnvelope, Topic } from '@grid-dispatch/contracts';
import { TopicTap } from './topic-tap';

/** Reads a test's ticket-events topic from the beginning, keeping raw values and checked envelopes. */
export class KafkaTap extends TopicTap<EventEnvelope> {
  constructor(brokers: string[], prefix: string) {
    super(brokers, prefix, Topic.TicketEvents, (value) => {
      const check = checkEnvelope(value);
      return check.ok ? { ok: true, value: check.envelope } : { ok: false, reason: check.reason };
    });
  }

  get envelopes(): EventEnvelope[] {
    return this.messages;
  }

  forTicket(ticketId: string): EventEnvelope[] {
    return this.envelopes.filter((e) => e.ticketId === ticketId);
  }
}
