import type { Logger } from '@grid-dispatch/logger';

export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * Runs a service's start function and owns its life: one idempotent shutdown on SIGTERM or
 * SIGINT (a second signal forces exit), a non-zero exit when start fails, and a hard deadline so
 * a stuck close never keeps a deploy waiting.
 */
export function runMain(
  logger: Logger,
  start: () => Promise<Stoppable>,
  options: { shutdownTimeoutMs?: number } = {},
): void {
  let service: Stoppable | null = null;
  let stopping = false;

  const shutdown = async (signal: string) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, options.shutdownTimeoutMs ?? 20000);
    deadline.unref();
    try {
      await service?.stop();
      logger.info('stopped cleanly');
      process.exit(0);
    } catch (err) {
      logger.error({ err }, 'error while stopping');
      process.exit(1);
    }
  };

  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  // A promise nobody awaited failing (a background write meeting a Redis or database blip) is a
  // bug to fix, but not a reason to stop serving everyone: Node's default would end the process.
  // Logged as an error with its stack; the requests and consumers that depend on the failed
  // server retry or answer 503 on their own.
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection; the service carries on');
  });

  start().then(
    (s) => {
      service = s;
      if (stopping) void s.stop();
    },
    (err) => {
      logger.fatal({ err }, 'failed to start');
      // Give pino a moment to flush before exiting.
      setTimeout(() => process.exit(1), 100);
    },
  );
}
