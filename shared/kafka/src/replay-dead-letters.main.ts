import { ConfigError, commonConfigSchema, loadConfig, type z } from '@grid-dispatch/config';
import { Topic, topicName } from '@grid-dispatch/contracts';
import { createLogger } from '@grid-dispatch/logger';
import { DeadLetterReplayError, replayDeadLetters } from './dead-letter-replay';
import { describeOutcome, summarizeReplay } from './dead-letter-replay-report';
import { createKafkaClient } from './kafka-client';
import {
  parseReplayDeadLettersArguments,
  REPLAY_DEAD_LETTERS_USAGE,
  type ReplayDeadLettersCommand,
  UsageError,
} from './replay-dead-letters.args';

/**
 * `npm run replay-dead-letters -- [options]`: the operator's command that puts dead letters back
 * on the events topic after a fix (docs/reliability.md#replaying-dead-letters). Exit status 0
 * when the run completed, 1 when it could not (Kafka unreachable, a topic missing), 2 for a wrong
 * command line or environment.
 */

/** Only what the command needs: it must not refuse to run over a setting it never uses. */
const configSchema = commonConfigSchema.pick({ KAFKA_BROKERS: true, TOPIC_PREFIX: true, LOG_LEVEL: true });

const say = (line: string) => process.stdout.write(`${line}\n`);
const complain = (line: string) => process.stderr.write(`replay-dead-letters: ${line}\n`);

async function main(argv: readonly string[]): Promise<number> {
  let command: ReplayDeadLettersCommand;
  try {
    command = parseReplayDeadLettersArguments(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    complain(error.message);
    process.stderr.write(`${REPLAY_DEAD_LETTERS_USAGE}\n`);
    return 2;
  }
  if (command.help) {
    say(REPLAY_DEAD_LETTERS_USAGE);
    return 0;
  }
  let config: z.infer<typeof configSchema>;
  try {
    config = loadConfig(configSchema);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    complain(error.message);
    return 2;
  }
  // The command speaks for itself on stdout; kafkajs's own complaints only when asked (LOG_LEVEL).
  const logger = createLogger({
    name: 'replay-dead-letters',
    level: process.env.LOG_LEVEL ? config.LOG_LEVEL : 'silent',
  });
  // Few retries: an operator waits on this, and a broker that is down should say so in seconds.
  const kafka = createKafkaClient({
    brokers: config.KAFKA_BROKERS,
    clientId: 'replay-dead-letters',
    logger,
    retries: 2,
  });
  const brokers = config.KAFKA_BROKERS.join(',');
  const deadLetterTopic = topicName(config.TOPIC_PREFIX, Topic.TicketEventsDeadLetter);
  say(`${command.list ? 'listing' : 'replaying'} the dead letters of ${deadLetterTopic} on ${brokers}`);
  try {
    const result = await replayDeadLetters({
      kafka,
      topicPrefix: config.TOPIC_PREFIX,
      logger,
      filter: command.filter,
      dryRun: command.list,
      onOutcome: (outcome) => {
        for (const line of describeOutcome(outcome, command.list)) say(line);
      },
    });
    say(summarizeReplay(result));
    return 0;
  } catch (error) {
    complain(failureText(error, brokers));
    return 1;
  }
}

/** One line an operator can act on: Kafka down, a wrong prefix, or whatever else went wrong. */
function failureText(error: unknown, brokers: string): string {
  if (error instanceof DeadLetterReplayError) return error.message;
  const messages: string[] = [];
  for (
    let e: unknown = error;
    e instanceof Error && messages.length < 5;
    e = (e as { cause?: unknown }).cause
  ) {
    if (!messages.includes(e.message)) messages.push(e.message);
  }
  const text = messages.length > 0 ? messages.join(' ← ') : String(error);
  if (/Connection|ECONNREFUSED|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|BrokerNotFound/.test(text)) {
    return `cannot reach Kafka at ${brokers} (KAFKA_BROKERS): ${text}`;
  }
  return `failed: ${text}`;
}

main(process.argv.slice(2)).then(
  (code) => exitAfterOutput(code),
  (error) => {
    complain(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    exitAfterOutput(1);
  },
);

/** Exits once stdout and stderr have been written out (a pipe would otherwise lose the last lines). */
function exitAfterOutput(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}
