import { commonConfigSchema, loadConfig, port, z } from '@grid-dispatch/config';

export const gatewayConfigSchema = commonConfigSchema.extend({
  /** The one public origin (interface.md): default http://localhost:8080. */
  PORT: port(8080),
  HOST: z.string().default('127.0.0.1'),
  INTAKE_URL: z.url().default('http://127.0.0.1:8081'),
  WORKFLOW_URL: z.url().default('http://127.0.0.1:8082'),
  LIVE_URL: z.url().default('http://127.0.0.1:8083'),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(gatewayConfigSchema, env);
}
