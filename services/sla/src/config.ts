import { commonConfigSchema, loadConfig, z } from '@grid-dispatch/config';
import { isIsoDuration, parseIsoDuration } from '@grid-dispatch/domain';

const duration = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine(
      (v) => isIsoDuration(v) && parseIsoDuration(v) > 0,
      'expected a positive ISO-8601 duration such as PT30M',
    )
    .transform((v) => parseIsoDuration(v));

export const slaConfigSchema = commonConfigSchema.extend({
  /** Reminders to the unit at these fractions of each limit: 50 % and 80 % by default. */
  SLA_WARNING_FRACTIONS: z
    .string()
    .default('0.5,0.8')
    .transform((v) => v.split(',').filter(Boolean).map(Number))
    .refine(
      // At most three decimals: a reminder's job id names its fraction in per mille (w500).
      (list) => list.every((f) => Number.isFinite(f) && f > 0 && f < 1 && Math.round(f * 1000) === f * 1000),
      'expected fractions between 0 and 1 with at most three decimals, e.g. 0.5,0.8',
    ),
  /** After a breach, remind again this often at the current level until someone acts. */
  SLA_REMIND_EVERY: duration('PT30M'),
  /** How often the reconciler rebuilds missing timers from the tickets and removes orphans. */
  SLA_RECONCILE_EVERY: duration('PT1M'),
  SLA_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(32),
  /**
   * Webhook retries: the first wait (doubling after each failed attempt), the longest wait, and
   * the attempts in all (README.md#webhooks has the default schedule). Tests shorten them.
   */
  WEBHOOK_RETRY_BASE: duration('PT5S'),
  WEBHOOK_RETRY_MAX: duration('PT1H'),
  WEBHOOK_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(12),
  /** An endpoint is switched off after this many deliveries in a row failed all their attempts. */
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(1000).default(5),
  /** How long one webhook POST may take before the attempt counts as failed. */
  WEBHOOK_TIMEOUT: duration('PT10S'),
  /** How long the webhook delivery log keeps an entry before it is deleted. */
  WEBHOOK_LOG_KEEP: duration('P30D'),
  WEBHOOK_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
  /**
   * Resident SMS: `dev` records messages (shown on the admin page) and sends nothing; `http` posts
   * each to the deployment's SMS gateway at SMS_HTTP_URL with SMS_HTTP_TOKEN as a bearer token.
   */
  SMS_PROVIDER: z.enum(['dev', 'http']).default('dev'),
  SMS_HTTP_URL: z.string().url().optional(),
  SMS_HTTP_TOKEN: z.string().optional(),
  /** How long one gateway request may take before the attempt counts as failed. */
  SMS_HTTP_TIMEOUT: duration('PT10S'),
  /** Where residents open the pages; the fix message links to the tracking page there. */
  PUBLIC_BASE_URL: z.string().url().default('http://localhost:8080'),
  /** SMS retries: attempts in all, the first wait (doubling after each failed attempt). */
  SMS_ATTEMPTS: z.coerce.number().int().min(1).max(30).default(8),
  SMS_RETRY_BASE: duration('PT10S'),
  /** How long the SMS log keeps a settled message before it is deleted. */
  SMS_LOG_KEEP: duration('P30D'),
});

export type SlaConfig = z.infer<typeof slaConfigSchema>;

export function loadSlaConfig(env: NodeJS.ProcessEnv = process.env): SlaConfig {
  return loadConfig(slaConfigSchema, env);
}
