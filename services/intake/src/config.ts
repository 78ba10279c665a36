import { commonConfigSchema, loadConfig, port, z } from '@grid-dispatch/config';

export const intakeConfigSchema = commonConfigSchema.extend({
  INTAKE_PORT: port(8081),
  INTAKE_HOST: z.string().default('127.0.0.1'),
  /** Open tickets of the same category within this distance are offered as possible duplicates. */
  /** How long a secretary has to verify a fix after a reopened ticket is fixed again (as workflow's). */
  VERIFY_WITHIN: z.string().default('PT24H'),
  DUPLICATE_RADIUS_M: z.coerce.number().positive().max(5000).default(200),
});

export type IntakeConfig = z.infer<typeof intakeConfigSchema>;

export function loadIntakeConfig(env: NodeJS.ProcessEnv = process.env): IntakeConfig {
  return loadConfig(intakeConfigSchema, env);
}
