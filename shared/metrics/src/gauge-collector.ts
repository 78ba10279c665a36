import { Gauge, type Registry } from 'prom-client';

export interface Sample<L extends string> {
  labels: Partial<Record<L, string>>;
  value: number;
}

/** Longest a scraped gauge may take: one server down must not time out the whole scrape. */
const READ_TIMEOUT_MS = 2000;

/**
 * A gauge whose values are read when Prometheus scrapes (a Redis count, Kafka offsets) rather than
 * kept up to date by the code. A failed or slow read leaves the gauge empty for that scrape, so a
 * dashboard shows a gap instead of a stale number. Registering the name again replaces the gauge:
 * a service restarted on the same platform reads from its new connections, not the closed ones.
 */
export function scrapedGauge<L extends string>(
  registry: Registry,
  options: { name: string; help: string; labelNames?: readonly L[] },
  read: () => Promise<Sample<L>[]>,
): Gauge<L> {
  registry.removeSingleMetric(options.name);
  return new Gauge<L>({
    name: options.name,
    help: options.help,
    labelNames: options.labelNames ?? [],
    registers: [registry],
    async collect() {
      this.reset();
      for (const sample of await withinTimeout(read())) this.set(sample.labels, sample.value);
    },
  });
}

async function withinTimeout<T>(reading: Promise<T[]>): Promise<T[]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<T[]>((resolve) => {
    timer = setTimeout(() => resolve([]), READ_TIMEOUT_MS);
  });
  try {
    return await Promise.race([reading.catch(() => []), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
