import assert from 'node:assert/strict';
import net from 'node:net';
import { QueueName } from '@grid-dispatch/contracts';
import { createQueue, createWorker } from '@grid-dispatch/queue';
import { createRedisConnection } from '@grid-dispatch/redis';
import { capturedLog } from '../support/captured-log';
import { eventually } from '../support/http-client';

/** A loopback port nothing listens on: taken from the system, then given back. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * BullMQ writes a queue's or worker's 'error' that nobody listens to with console.error: while
 * Redis is away, raw lines on stderr for every retry of every queue. Ours go to the service's
 * log instead, a lost connection at debug.
 */
describe('queues and workers while Redis is away', function () {
  this.timeout(30000);

  it('log the lost connection at debug and write nothing to stderr', async () => {
    const { logger, entries } = capturedLog();
    const written: unknown[] = [];
    const consoleError = console.error;
    console.error = (...args: unknown[]) => written.push(args);

    const url = `redis://127.0.0.1:${await closedPort()}`;
    const queueConnection = createRedisConnection(url);
    const workerConnection = createRedisConnection(url);
    const settings = { prefix: 'queue-errors-test', logger };
    const queue = createQueue(QueueName.SmsMessages, { ...settings, connection: queueConnection });
    const worker = createWorker(QueueName.SmsMessages, async () => undefined, {
      ...settings,
      connection: workerConnection,
    });
    try {
      const lost = (queue: string) =>
        entries.filter((e) => e.queue === queue && e.msg === 'queue lost its Redis connection; reconnecting');
      // Several refusals each, so any console.error they caused would be written by now.
      await eventually(async () => (lost(QueueName.SmsMessages).length >= 6 ? true : undefined), 20000);
      assert.ok(
        lost(QueueName.SmsMessages).every((e) => e.level === 20),
        'at debug',
      );
      assert.deepEqual(written, [], 'nothing written with console.error');
    } finally {
      console.error = consoleError;
      queueConnection.disconnect();
      workerConnection.disconnect();
      await Promise.allSettled([worker.close(true), queue.close()]);
    }
  });
});
