import { booleanFlag, loadConfig, z } from '@grid-dispatch/config';
import { gatewayConfigSchema } from '@grid-dispatch/gateway';
import { intakeConfigSchema } from '@grid-dispatch/intake';
import { liveConfigSchema } from '@grid-dispatch/live';
import { slaConfigSchema } from '@grid-dispatch/sla';
import { workflowConfigSchema } from '@grid-dispatch/workflow';

/** Every service's settings in one object, plus what only the all-in-one start does. */
export const systemConfigSchema = gatewayConfigSchema
  .extend(intakeConfigSchema.shape)
  .extend(workflowConfigSchema.shape)
  .extend(liveConfigSchema.shape)
  .extend(slaConfigSchema.shape)
  .extend({
    /** Password of the `admin` user created on first start. */
    ADMIN_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('admin12345'),
    /** Load the demo district (areas, units, categories, responsibility list, staff accounts). */
    SEED_DEMO: booleanFlag(true),
    /** Provision (topics, indexes, admin, demo data) and exit: the setup container of docker-compose. */
    SETUP_ONLY: booleanFlag(false),
    DEMO_PASSWORD: z.string().min(8, 'must be at least 8 characters').default('demo12345'),
  });

export type SystemConfig = z.infer<typeof systemConfigSchema>;

export function loadSystemConfig(env: NodeJS.ProcessEnv = process.env): SystemConfig {
  return loadConfig(systemConfigSchema, env);
}
