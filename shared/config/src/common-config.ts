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
  AUTH_SECRET: z
    .string()
    .min(16, 'must be at least 16 characters')
    .default('grid-dispatch-dev-secret-change-me'),
});

export type CommonConfig = z.infer<typeof commonConfigSchema>;
