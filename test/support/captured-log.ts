import { Writable } from 'node:stream';
import type { Logger } from '@grid-dispatch/logger';
import pino from 'pino';

export interface LogEntry {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** A logger at debug whose entries are kept in memory, parsed, for a test to read. */
export function capturedLog(): { logger: Logger; entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const logger = pino(
    { level: 'debug' },
    new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) entries.push(JSON.parse(line));
        done();
      },
    }),
  );
  return { logger, entries };
}
