import { commonConfigSchema, loadConfig, port, z } from '@grid-dispatch/config';

export const gatewayConfigSchema = commonConfigSchema.extend({
  /** The one public origin of the API and pages (README.md#the-api): default http://localhost:8080. */
  PORT: port(8080),
  HOST: z.string().default('127.0.0.1'),
  INTAKE_URL: z.url().default('http://127.0.0.1:8081'),
  WORKFLOW_URL: z.url().default('http://127.0.0.1:8082'),
  LIVE_URL: z.url().default('http://127.0.0.1:8083'),
  /**
   * How many reverse proxies of the deployment stand in front of the gateway (a load balancer: 1).
   * Their X-Forwarded-For is believed that many hops from the right; 0 (the default) means the
   * gateway's TCP peer is the client. See client-address.ts.
   */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
});

export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  return loadConfig(gatewayConfigSchema, env);
}
