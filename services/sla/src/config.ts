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
});

export type SlaConfig = z.infer<typeof slaConfigSchema>;

export function loadSlaConfig(env: NodeJS.ProcessEnv = process.env): SlaConfig {
  return loadConfig(slaConfigSchema, env);
}
