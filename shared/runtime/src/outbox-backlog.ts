import { type ServiceMetrics, scrapedGauge } from '@grid-dispatch/metrics';
import type { OutboxIndex } from '@grid-dispatch/redis';

/** `outbox_backlog`: tickets whose outbox holds events not yet on Kafka (a stuck relay grows it). */
export function registerOutboxBacklog(metrics: ServiceMetrics, index: OutboxIndex): void {
  scrapedGauge(
    metrics.registry,
    { name: 'outbox_backlog', help: 'Tickets with events in their outbox not yet published to Kafka.' },
    async () => [{ labels: {}, value: await index.pendingCount() }],
  );
}
