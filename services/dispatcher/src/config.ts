import { commonConfigSchema, loadConfig, type z } from '@grid-dispatch/config';

export const dispatcherConfigSchema = commonConfigSchema.extend({});

export type DispatcherConfig = z.infer<typeof dispatcherConfigSchema>;

export function loadDispatcherConfig(env: NodeJS.ProcessEnv = process.env): DispatcherConfig {
  return loadConfig(dispatcherConfigSchema, env);
}
