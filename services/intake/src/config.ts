import { commonConfigSchema, loadConfig, port, z } from '@grid-dispatch/config';

export const intakeConfigSchema = commonConfigSchema.extend({
  INTAKE_PORT: port(8081),
  INTAKE_HOST: z.string().default('127.0.0.1'),
  /** Open tickets of the same category within this distance are offered as possible duplicates. */
  /** How long a secretary has to verify a fix after a reopened ticket is fixed again (as workflow's). */
  VERIFY_WITHIN: z.string().default('PT24H'),
  DUPLICATE_RADIUS_M: z.coerce.number().positive().max(5000).default(200),
  /** Largest photo upload in bytes (default 5 MiB); larger answers 413. Documents stay far below 16 MB. */
  PHOTO_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(12 * 1024 * 1024)
    .default(5 * 1024 * 1024),
  /** Photo uploads one client address may make per minute (0 = unlimited). */
  PHOTO_UPLOADS_PER_MINUTE: z.coerce.number().int().min(0).max(100000).default(60),
  /**
   * Public reads (a report by tracking code, nearby open reports) one client address may make per
   * minute (0 = unlimited): a resident needs a handful; walking the codes needs thousands.
   */
  PUBLIC_READS_PER_MINUTE: z.coerce.number().int().min(0).max(100000).default(300),
});

export type IntakeConfig = z.infer<typeof intakeConfigSchema>;

export function loadIntakeConfig(env: NodeJS.ProcessEnv = process.env): IntakeConfig {
  return loadConfig(intakeConfigSchema, env);
}
