import { z } from 'zod';

/** `"true"`/`"1"`/`"yes"` → true; empty or absent → the default. */
export const booleanFlag = (fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      if (/^(true|1|yes|on)$/i.test(value)) return true;
      if (/^(false|0|no|off)$/i.test(value)) return false;
      ctx.addIssue({ code: 'custom', message: 'expected true or false' });
      return z.NEVER;
    });

export const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

export const positiveMs = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The development default of AUTH_SECRET, and defaults once shipped: public, so never in production. */
export const DEVELOPMENT_AUTH_SECRET = 'grid-dispatch-dev-secret-change-me';
const KNOWN_AUTH_SECRETS = new Set([DEVELOPMENT_AUTH_SECRET, 'change-me-to-a-long-random-secret']);

/**
 * Settings every service reads: where the three servers are, and the prefixes that let tests
 * (and several deployments on one cluster) share servers without seeing each other's data.
 */
export const commonConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KAFKA_BROKERS: z
    .string()
    .default('127.0.0.1:19092')
    .transform((v) =>
      v
        .split(',')
        .map((b) => b.trim())
        .filter(Boolean),
    )
    .refine(
      (list) => list.length > 0 && list.every((b) => /^[^\s:]+:\d+$/.test(b)),
      'expected host:port[,host:port]',
    ),
  MONGO_URL: z
    .string()
    .default('mongodb://127.0.0.1:27027/grid-dispatch')
    .refine((v) => /^mongodb(\+srv)?:\/\//.test(v), 'expected a mongodb:// URL'),
  REDIS_URL: z
    .string()
    .default('redis://127.0.0.1:6389')
    .refine((v) => /^rediss?:\/\//.test(v), 'expected a redis:// URL'),
  /** Prepended to every Kafka topic and consumer group name. */
  TOPIC_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]*$/)
    .default(''),
  /** BullMQ key prefix in Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9._-]+$/)
    .default('gd'),
  /** Secret that signs staff tokens; every replica must share it. */
  AUTH_SECRET: z.string().min(16, 'must be at least 16 characters').default(DEVELOPMENT_AUTH_SECRET),
  /** Port of the process's Prometheus endpoint (GET /metrics); 0 leaves metrics off. */
  METRICS_PORT: port(0),
  /** Loopback by default: metrics are for Prometheus, not for the public. */
  METRICS_HOST: z.string().default('127.0.0.1'),
});

/**
 * What is wrong with the AUTH_SECRET of a production deployment, or null. Anyone who knows the
 * secret can sign an admin's token: in production it must be the deployment's own, long and
 * random, never a default printed in this repository. (Development and tests use the default.)
 */
export function productionSecretProblem(config: { NODE_ENV: string; AUTH_SECRET: string }): string | null {
  if (config.NODE_ENV !== 'production') return null;
  const secret = config.AUTH_SECRET;
  if (KNOWN_AUTH_SECRETS.has(secret)) {
    return 'is a published default; set a long random value of your own (e.g. openssl rand -base64 48)';
  }
  if (secret.length < 32) return 'must be at least 32 characters in production';
  if (new Set(secret).size < 10) return 'is too repetitive to be random';
  return null;
}

export type CommonConfig = z.infer<typeof commonConfigSchema>;
