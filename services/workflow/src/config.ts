import { commonConfigSchema, loadConfig, port, z } from '@grid-dispatch/config';

export const workflowConfigSchema = commonConfigSchema.extend({
  WORKFLOW_PORT: port(8082),
  WORKFLOW_HOST: z.string().default('127.0.0.1'),
  /** Lifetime of a staff token, in seconds (default 12 h: one working day). */
  TOKEN_TTL_SECONDS: z.coerce
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 3600)
    .default(12 * 3600),
});

export type WorkflowConfig = z.infer<typeof workflowConfigSchema>;

export function loadWorkflowConfig(env: NodeJS.ProcessEnv = process.env): WorkflowConfig {
  return loadConfig(workflowConfigSchema, env);
}
