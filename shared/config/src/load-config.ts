import type { z } from 'zod';
import { productionSecretProblem } from './common-config';

/** Variables whose values never appear in an error message. */
const SECRET_NAME = /SECRET|PASSWORD|TOKEN|KEY/i;

/**
 * Reads the environment once against a schema and fails fast with one line per bad variable,
 * naming the variable and what was wrong, so an operator can fix it without reading code.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) {
    const data = result.data as { NODE_ENV?: unknown; AUTH_SECRET?: unknown };
    if (typeof data.NODE_ENV === 'string' && typeof data.AUTH_SECRET === 'string') {
      const problem = productionSecretProblem({ NODE_ENV: data.NODE_ENV, AUTH_SECRET: data.AUTH_SECRET });
      if (problem) throw new ConfigError(`Invalid configuration:\n  AUTH_SECRET: ${problem}`);
    }
    return result.data;
  }
  const lines = result.error.issues.map((issue) => {
    const name = issue.path.join('.') || '(environment)';
    const value = typeof issue.path[0] === 'string' ? env[issue.path[0]] : undefined;
    const shown = value === undefined || SECRET_NAME.test(name) ? '' : ` (got "${value}")`;
    return `  ${name}: ${issue.message}${shown}`;
  });
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
