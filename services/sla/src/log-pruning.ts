import type { Logger } from '@grid-dispatch/logger';

/** How often a delivery log (webhooks, SMS) deletes its entries past their age limit. */
const PRUNE_EVERY_MS = 10 * 60_000;

/**
 * Prunes a log now and every ten minutes in every sla instance: FerretDB has no TTL indexes, and a
 * delete of entries past the age limit is harmless to repeat. A failed prune is logged and tried
 * again next time. Returns the stop function.
 */
export function startLogPruning(prune: () => Promise<unknown>, what: string, logger: Logger): () => void {
  const run = () => void prune().catch((err) => logger.warn({ err }, `${what} not pruned`));
  run();
  const timer = setInterval(run, PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
