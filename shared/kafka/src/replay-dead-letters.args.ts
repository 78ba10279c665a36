import { parseArgs } from 'node:util';
import type { DeadLetterFilter } from './dead-letter-replay-plan';

export const REPLAY_DEAD_LETTERS_USAGE = `usage: npm run replay-dead-letters -- [options]

Puts dead letters (messages a consumer refused) back on the events topic after a fix, once each.
Reads KAFKA_BROKERS and TOPIC_PREFIX like the services.

  --list             print the dead letters and what a run would do; replay nothing
  --group G          only those consumer group G refused (with or without TOPIC_PREFIX)
  --reason TEXT      only those whose reason contains TEXT (any case)
  --offset N         only the dead letter at offset N of the dead-letter topic
  --include-invalid  also replay values that are not valid events (they come back as dead letters)
  --help             this text`;

/** What the command line asks for. */
export interface ReplayDeadLettersCommand {
  help: boolean;
  list: boolean;
  filter: DeadLetterFilter;
}

/** A command line the command cannot run: the message says what is wrong. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function parseReplayDeadLettersArguments(argv: readonly string[]): ReplayDeadLettersCommand {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        help: { type: 'boolean', short: 'h' },
        list: { type: 'boolean' },
        group: { type: 'string' },
        reason: { type: 'string' },
        offset: { type: 'string' },
        'include-invalid': { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const filter: DeadLetterFilter = {};
  const group = text(values.group, '--group');
  if (group !== undefined) filter.group = group;
  const reason = text(values.reason, '--reason');
  if (reason !== undefined) filter.reason = reason;
  const offset = text(values.offset, '--offset');
  if (offset !== undefined) {
    if (!/^\d+$/.test(offset)) throw new UsageError(`--offset takes an offset (0, 1, 2 …), not "${offset}"`);
    filter.offset = String(BigInt(offset));
  }
  if (values['include-invalid'] === true) filter.includeInvalid = true;
  return { help: values.help === true, list: values.list === true, filter };
}

function text(value: string | boolean | undefined, option: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (value.trim() === '') throw new UsageError(`${option} needs a value`);
  return value;
}
