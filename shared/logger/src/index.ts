import pino, { type Logger, type LoggerOptions } from 'pino';

export type { Logger } from 'pino';

/**
 * Personal data never reaches a log line: logs carry ids only. These paths cover the
 * shapes in which it travels: report bodies, contacts, credentials and tokens.
 */
export const REDACTED_PATHS = [
  'password',
  '*.password',
  'contact',
  '*.contact',
  'phone',
  '*.phone',
  'reporterToken',
  '*.reporterToken',
  'token',
  '*.token',
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
];

export interface LoggerSettings {
  level?: string;
  /** Human-readable output for a developer's terminal; JSON otherwise. */
  pretty?: boolean;
  name?: string;
}

/** The process-wide root logger; services take child loggers per module (`logger.child({ module })`). */
export function createLogger(settings: LoggerSettings = {}): Logger {
  const options: LoggerOptions = {
    level: settings.level ?? process.env.LOG_LEVEL ?? 'info',
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: settings.name ?? process.env.SERVICE_NAME ?? 'grid-dispatch' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  if (settings.pretty ?? process.env.LOG_PRETTY === 'true') {
    options.transport = {
      target: 'pino-pretty',
      options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l' },
    };
  }
  return pino(options);
}
