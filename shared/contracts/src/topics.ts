/**
 * Kafka topic names. NEVER rename a value: topics hold data and consumers' offsets by name.
 * Every name gets the deployment's TOPIC_PREFIX in front (see `topicName`).
 */
export enum Topic {
  /** The whole ticket lifecycle, keyed by ticket id so each ticket's events stay in order. */
  TicketEvents = 'ticket-events',
  /**
   * Messages a consumer could not take (a failed schema, a non-retryable handler error), so they
   * never block a partition; kept for inspection and for replay after a fix.
   */
  TicketEventsDeadLetter = 'ticket-events.dlq',
  /**
   * The dead-letter replay command's record: one message per dead-lettered message it put back on
   * `ticket-events`, so a second run never republishes it (see shared/kafka dead-letter-replay).
   */
  DeadLetterReplays = 'ticket-events.dlq.replays',
  /** Announcements that reference data (areas, units, categories, responsibilities) changed. */
  ReferenceData = 'reference-data',
  /**
   * The joint committee's lists (needs, resources, projects, meetings, activities), keyed by the
   * record's id so each record's events stay in order.
   */
  CommitteeEvents = 'committee-events',
}

/** Partitions per topic: ≥ 6 for ticket events so consumer groups can scale out. */
export const TOPIC_PARTITIONS: Record<Topic, number> = {
  [Topic.TicketEvents]: 12,
  [Topic.TicketEventsDeadLetter]: 1,
  [Topic.DeadLetterReplays]: 1,
  [Topic.ReferenceData]: 1,
  [Topic.CommitteeEvents]: 6,
};

/** Consumer group names; also NEVER renamed (offsets are stored per group). */
export enum ConsumerGroup {
  Dispatcher = 'dispatcher',
  Sla = 'sla',
  Live = 'live',
  /** The live service's KPI projection: its own group so slow database writes never delay pushes. */
  Kpi = 'kpi',
  /** Webhook deliveries (hosted by the sla service): its own group so a slow receiver delays no timer. */
  Webhooks = 'webhooks',
  /** Resident SMS (hosted by the sla service): its own group so a slow SMS gateway delays nothing else. */
  Sms = 'sms',
}

export function topicName(prefix: string, topic: Topic): string {
  return `${prefix}${topic}`;
}

export function groupName(prefix: string, group: ConsumerGroup): string {
  return `${prefix}${group}`;
}
