import { commonConfigSchema, loadConfig, port, z } from '@grid-dispatch/config';

export const workflowConfigSchema = commonConfigSchema.extend({
  WORKFLOW_PORT: port(8082),
  WORKFLOW_HOST: z.string().default('127.0.0.1'),
  /** Lifetime of a staff token, in seconds (default 12 h: one working day). */
  /** How long a secretary has to verify a reported fix (ISO-8601 duration, calendar time). */
  VERIFY_WITHIN: z
    .string()
    .regex(
      /^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/,
      'expected an ISO-8601 duration such as PT24H',
    )
    .default('PT24H'),
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
