import { passwordProblem } from '@grid-dispatch/auth';
import { booleanFlag, ConfigError, loadConfig, z } from '@grid-dispatch/config';
import { gatewayConfigSchema } from '@grid-dispatch/gateway';
import { intakeConfigSchema } from '@grid-dispatch/intake';
import { kpiConfigSchema } from '@grid-dispatch/kpi';
import { liveConfigSchema } from '@grid-dispatch/live';
import { slaConfigSchema } from '@grid-dispatch/sla';
import { workflowConfigSchema } from '@grid-dispatch/workflow';

/** Every service's settings in one object, plus what only the all-in-one start does. */
export const systemConfigSchema = gatewayConfigSchema
  .extend(intakeConfigSchema.shape)
  .extend(workflowConfigSchema.shape)
  .extend(liveConfigSchema.shape)
  .extend(kpiConfigSchema.shape)
  .extend(slaConfigSchema.shape)
  .extend({
    /** Password of the `admin` user created on first start. */
    ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('admin12345'),
    /** Load the demo district (areas, units, categories, responsibility list, staff accounts). */
    SEED_DEMO: booleanFlag(true),
    /** With SEED_DEMO, also the joint committees' demo needs, resources and projects (tests turn it off). */
    SEED_DEMO_COMMITTEE: booleanFlag(true),
    /** Provision (topics, indexes, admin, demo data) and exit: the setup container of docker-compose. */
    SETUP_ONLY: booleanFlag(false),
    DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('demo12345'),
  });

export type SystemConfig = z.infer<typeof systemConfigSchema>;

export function loadSystemConfig(env: NodeJS.ProcessEnv = process.env): SystemConfig {
  const config = loadConfig(systemConfigSchema, env);
  const problems = productionPasswordProblems(config);
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  return config;
}

/**
 * In production the published passwords of this repository never open an account: the first
 * admin's password must be the deployment's own and pass the staff password policy, and the demo
 * district (whose accounts share DEMO_PASSWORD) is loaded only on purpose, with a password of its own.
 */
export function productionPasswordProblems(
  config: Pick<SystemConfig, 'NODE_ENV' | 'ADMIN_PASSWORD' | 'SEED_DEMO' | 'DEMO_PASSWORD'>,
): string[] {
  if (config.NODE_ENV !== 'production') return [];
  const problems: string[] = [];
  const admin = passwordProblem(config.ADMIN_PASSWORD, 'admin');
  if (admin) problems.push(`ADMIN_PASSWORD: ${admin}`);
  if (config.SEED_DEMO) {
    const demo = passwordProblem(config.DEMO_PASSWORD);
    if (demo)
      problems.push(`DEMO_PASSWORD: ${demo} (or set SEED_DEMO=false: no demo accounts in production)`);
  }
  return problems;
}
