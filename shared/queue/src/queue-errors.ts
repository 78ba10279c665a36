import type { Logger } from '@grid-dispatch/logger';

/** What BullMQ emits 'error' on: queues and workers. */
interface ErrorEmitter {
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** A lost or refused Redis connection, which ioredis mends by itself. */
const CONNECTION_LOST =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|Connection is closed|Stream isn't writeable/i;

/**
 * Sends a queue's or worker's errors to the service's log. BullMQ writes an 'error' that nobody
 * listens to with console.error: raw, unstructured lines on stderr, several a second for each
 * queue while Redis is away. A lost connection is logged at debug (ioredis reconnects by itself,
 * and /healthz and the platform's own Redis client already say Redis is down); anything else is
 * a warning.
 */
export function logQueueErrors(target: ErrorEmitter, logger: Logger, queue: string): void {
  target.on('error', (error) => {
    const code = (error as { code?: unknown }).code;
    if (CONNECTION_LOST.test(`${typeof code === 'string' ? code : ''} ${error.message}`)) {
      logger.debug({ queue, err: error.message }, 'queue lost its Redis connection; reconnecting');
    } else {
      logger.warn({ queue, err: error }, 'queue error');
    }
  });
}
