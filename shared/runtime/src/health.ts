import { pingDatabase } from '@grid-dispatch/db';
import { pingRedis } from '@grid-dispatch/redis';
import type { Admin } from 'kafkajs';
import type { Platform } from './platform';

export interface HealthReport {
  status: 'ok' | 'degraded';
  kafka: 'up' | 'down';
  database: 'up' | 'down';
  redis: 'up' | 'down';
}

/**
 * Checks each server with a deadline, all at once, so /healthz answers within about a second
 * even when a server hangs rather than refuses.
 */
export class HealthChecker {
  private admin: Admin | null = null;

  constructor(
    private readonly platform: Pick<Platform, 'db' | 'redis' | 'kafka'>,
    private readonly timeoutMs = 900,
  ) {}

  async check(): Promise<HealthReport> {
    const [kafka, database, redis] = await Promise.all([
      this.kafkaUp(),
      pingDatabase(this.platform.db, this.timeoutMs),
      pingRedis(this.platform.redis, this.timeoutMs),
    ]);
    const report: HealthReport = {
      status: kafka && database && redis ? 'ok' : 'degraded',
      kafka: kafka ? 'up' : 'down',
      database: database ? 'up' : 'down',
      redis: redis ? 'up' : 'down',
    };
    return report;
  }

  private async kafkaUp(): Promise<boolean> {
    try {
      await withDeadline(
        (async () => {
          if (!this.admin) {
            const admin = this.platform.kafka.admin({ retry: { retries: 0 } });
            await admin.connect();
            this.admin = admin;
          }
          await this.admin.describeCluster();
        })(),
        this.timeoutMs,
      );
      return true;
    } catch {
      const admin = this.admin;
      this.admin = null;
      admin?.disconnect().catch(() => undefined);
      return false;
    }
  }

  async close(): Promise<void> {
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = null;
  }
}

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
