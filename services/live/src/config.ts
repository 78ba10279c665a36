import { commonConfigSchema, loadConfig, port, z } from '@grid-dispatch/config';

export const liveConfigSchema = commonConfigSchema.extend({
  LIVE_PORT: port(8083),
  LIVE_HOST: z.string().default('127.0.0.1'),
});

export type LiveConfig = z.infer<typeof liveConfigSchema>;

export function loadLiveConfig(env: NodeJS.ProcessEnv = process.env): LiveConfig {
  return loadConfig(liveConfigSchema, env);
}
