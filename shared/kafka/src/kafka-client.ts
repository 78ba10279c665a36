import type { Logger } from '@grid-dispatch/logger';
import { Kafka, type LogEntry, logLevel } from 'kafkajs';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /**
   * How often a failed request is retried (default 8: about 20 s of trying against a broker that is
   * down, which services ride out). A command an operator waits on wants its answer sooner.
   */
  retries?: number;
}

const PINO_LEVEL: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/**
 * Lines kafkajs logs as warnings or errors that are expected and retried on its own: a group
 * coordinator still loading right after the broker starts, our deliberate choice of partitioner,
 * and a bounded retry count on the idempotent producer (unbounded would hang shutdown while the
 * broker is down; the outbox makes a failed send safe to retry).
 */
const EXPECTED =
  /coordinator is loading|coordinator is not available|switched default partitioner|Limiting retries for the idempotent producer/i;

/** A kafkajs client whose log lines go through the service's pino logger. */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  const log = options.logger.child({ module: 'kafkajs' });
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    // Fail fast on a dead broker so health checks and startup report it within seconds.
    connectionTimeout: 3000,
    requestTimeout: 10000,
    retry: { retries: options.retries ?? 8, initialRetryTime: 200, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...rest } = entry;
        const text = `${message} ${String((rest as { error?: unknown }).error ?? '')}`;
        log[EXPECTED.test(text) ? 'debug' : (PINO_LEVEL[level] ?? 'info')]({ ...rest }, message);
      },
  });
}
