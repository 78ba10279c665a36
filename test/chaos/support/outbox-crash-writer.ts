import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { connectDatabase, createModels, TicketRepository } from '@grid-dispatch/db';
import { submittedTicket } from '@grid-dispatch/intake';
import { OutboxIndex, TicketLock } from '@grid-dispatch/redis';
import { Redis } from 'ioredis';

/**
 * A process that stores reports as the intake service does (`submittedTicket`, then
 * TicketRepository.insert: the ticket with ticket.submitted in its outbox, in one write), several at once, and dies by kill -9 once
 * each of them has reached the first step after its write: the publish, which each reaches
 * holding its ticket's lock. So nothing of theirs is on Kafka, the relay's work list in Redis
 * never hears of them, and their locks stay taken until they expire: a crash between the
 * database write and the publish, for every write in flight.
 *
 * env: MONGO_URL, REDIS_URL, QUEUE_PREFIX, CATEGORY, GRID, WRITES (how many at once). Prints
 * `written <ticketId>` per write (synchronously, so each line is out before the kill).
 */
async function main(): Promise<void> {
  const env = process.env;
  const writes = Number(env.WRITES ?? 1);
  const db = await connectDatabase(env.MONGO_URL!, { serverSelectionTimeoutMS: 5000 });
  const models = createModels(db);
  const redis = new Redis(env.REDIS_URL!, { maxRetriesPerRequest: 1 });
  const prefix = env.QUEUE_PREFIX!;
  const category = await models.categories.findById(env.CATEGORY!).lean().exec();
  if (!category) throw new Error(`no category ${env.CATEGORY}`);
  let published = 0;
  const repository = new TicketRepository(models.tickets, new TicketLock(redis, prefix), {
    publisher: {
      publish: async (envelopes) => {
        writeSync(1, `written ${envelopes[0]!.ticketId}\n`);
        if (++published === writes) process.kill(process.pid, 'SIGKILL');
        await new Promise(() => undefined);
      },
    },
    outbox: new OutboxIndex(redis, prefix),
    onUnpublished: () => {
      throw new Error('the process should be dead before its events could be handed to the relay');
    },
    // The kill, not a timeout, ends the wait for Kafka.
    publishWaitMs: 120000,
  });
  const location = demoGridCentre(env.GRID!);
  await Promise.all(
    Array.from({ length: writes }, () =>
      repository.insert(
        submittedTicket({
          ticketId: randomUUID(),
          reporterTokenHash: createHash('sha256').update(randomBytes(16)).digest('hex'),
          category,
          description: 'a report whose writer crashed before publishing it',
          location,
        }),
        {
          type: 'ticket.submitted',
          payload: { hasLocation: true, location, photoCount: 0 },
          actor: { kind: 'resident' },
          at: new Date(),
        },
      ),
    ),
  );
  throw new Error('the writes returned: the publisher was never called');
}

main().catch((error) => {
  writeSync(2, `${String(error?.stack ?? error)}\n`);
  process.exit(1);
});
