import { commonConfigSchema, loadConfig, port, z } from '@grid-dispatch/config';
import { isIsoDuration } from '@grid-dispatch/domain';

export const workflowConfigSchema = commonConfigSchema.extend({
  WORKFLOW_PORT: port(8082),
  WORKFLOW_HOST: z.string().default('127.0.0.1'),
  /** How long a secretary has to verify a reported fix (ISO-8601 duration, calendar time). */
  VERIFY_WITHIN: z
    .string()
    .refine(isIsoDuration, 'expected an ISO-8601 duration such as PT24H')
    .default('PT24H'),
  /** Lifetime of a staff token, in seconds (default 12 h: one working day). */
  TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 3600)
    .default(12 * 3600),
  /** Failed logins of one username from one address before each try must wait (see LoginThrottle). */
  LOGIN_FREE_PER_USER_AND_ADDRESS: count(5),
  /** Failed logins of one username from any address before each try must wait. */
  LOGIN_FREE_PER_USER: count(20),
  /** Failed logins from one address, over any usernames, before each try must wait. */
  LOGIN_FREE_PER_ADDRESS: count(30),
  /** Login attempts of the whole system per minute (0 = no cap); more answer 429. */
  LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  /**
   * How long one KPI request may spend rebuilding day and month summaries from ticket records
   * (ms). A period that needs longer is left to the live service's refresher and answered at once
   * with 503 KPI_PREPARING and Retry-After.
   */
  KPI_REBUILD_BUDGET_MS: z.coerce.number().int().min(0).max(60_000).default(150),
  /**
   * How long after it was built a KPI summary that new events made stale is still served (ms),
   * while the live service's refresher rebuilds it (every KPI_REFRESH_EVERY_MS, then dashboards
   * hear `kpi.updated`). 0 rebuilds on every request what changed since: exact, but on a busy
   * day each request rebuilds today.
   */
  KPI_STALE_FOR_MS: z.coerce.number().int().min(0).max(600_000).default(10_000),
  /**
   * Requests per minute one client address may make to the committee's public routes (residents'
   * needs, "me too", evaluations); 0 = no cap.
   */
  COMMITTEE_PUBLIC_PER_MINUTE: z.coerce.number().int().min(0).max(100000).default(300),
  /** The shared secret the SMS gateway sends with residents' replies (x-sms-inbound-token); unset turns the route off. */
  SMS_INBOUND_TOKEN: z.string().min(16).optional(),
});

function count(fallback: number) {
  return z.coerce.number().int().min(1).max(1000).default(fallback);
}

export type WorkflowConfig = z.infer<typeof workflowConfigSchema>;

export function loadWorkflowConfig(env: NodeJS.ProcessEnv = process.env): WorkflowConfig {
  return loadConfig(workflowConfigSchema, env);
}
