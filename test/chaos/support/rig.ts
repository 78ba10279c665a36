import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Topic, topicName } from '@grid-dispatch/contracts';
import { connectDatabase, createModels, type Models, type TicketDoc, watchDatabase } from '@grid-dispatch/db';
import type { Kafka } from 'kafkajs';
import type { Connection } from 'mongoose';
import { login, request } from '../../support/http-client';
import { OwnServer } from '../../support/own-servers';
import { Fleet, fleetEnvironment } from '../../support/service-fleet';
import { chaosKafka, type EventLog, readEventLog } from './event-log';

export const DEMO_PASSWORD = 'chaos-demo-password';
const ADMIN_PASSWORD = 'chaos-admin-password';

/**
 * A category whose limits run out while the suite runs, which the rig adds as an administrator
 * would (admin API): nobody signs its reports, so each ticket's sign deadline warns at 15 and 24 s,
 * is missed at 30 s (escalation to the community) and climbs at 60 and 90 s, up to the district.
 */
export const SHORT_LIMIT_CATEGORY = 'chaos_short_limit';

/**
 * The system under test on servers of the suite's own: Kafka (KRaft), PostgreSQL with FerretDB
 * on it, and Redis with its append-only file, all on free ports in a temporary folder, and the six
 * services as separate processes. Nothing here touches the shared development servers.
 */
export class ChaosRig {
  readonly dir: string;
  kafka!: OwnServer;
  redis!: OwnServer;
  postgres!: OwnServer;
  ferretdb!: OwnServer;
  fleet!: Fleet;
  gatewayUrl = '';
  env: Record<string, string> = {};
  readonly prefix = 'chaos.';
  private db: Connection | null = null;
  private stopDatabaseWatchdog = () => {};
  models!: Models;
  client!: Kafka;
  keepDir = false;

  constructor() {
    this.dir = mkdtempSync(path.join(tmpdir(), 'gd-chaos-'));
  }

  get brokers(): string[] {
    return [`127.0.0.1:${this.kafka.port}`];
  }

  get eventsTopic(): string {
    return topicName(this.prefix, Topic.TicketEvents);
  }

  get deadLetterTopic(): string {
    return topicName(this.prefix, Topic.TicketEventsDeadLetter);
  }

  async start(): Promise<void> {
    this.postgres = await OwnServer.postgres(this.dir);
    this.kafka = await OwnServer.kafka(this.dir);
    this.redis = await OwnServer.redis(this.dir);
    await Promise.all([this.postgres.start(), this.kafka.start(), this.redis.start()]);
    this.ferretdb = await OwnServer.ferretdb(this.postgres, this.dir);
    await this.ferretdb.start();

    const { env, gatewayUrl } = await fleetEnvironment({
      kafkaBrokers: this.brokers.join(','),
      mongoUrl: `mongodb://127.0.0.1:${this.ferretdb.port}/chaos`,
      redisUrl: `redis://127.0.0.1:${this.redis.port}`,
      topicPrefix: this.prefix,
      queuePrefix: 'gd-chaos',
      adminPassword: ADMIN_PASSWORD,
      demoPassword: DEMO_PASSWORD,
      logLevel: process.env.CHAOS_LOG_LEVEL ?? 'info',
    });
    // The sla service's defaults, set here because the deadline audit plans timers with them.
    this.env = { ...env, SLA_WARNING_FRACTIONS: '0.5,0.8', SLA_REMIND_EVERY: 'PT30M' };
    this.gatewayUrl = gatewayUrl;
    this.fleet = new Fleet(this.env, this.dir);
    await this.fleet.provision();
    await this.fleet.startAll();
    this.db = await connectDatabase(this.env.MONGO_URL!, { serverSelectionTimeoutMS: 5000 });
    // The audit's reads outlive FerretDB's restarts as the services' do.
    this.stopDatabaseWatchdog = watchDatabase(this.db);
    this.models = createModels(this.db);
    this.client = chaosKafka(this.brokers);
    await this.addShortLimitCategory();
  }

  /** SHORT_LIMIT_CATEGORY with a district-wide responsibility line to municipal works, through the admin API. */
  private async addShortLimitCategory(): Promise<void> {
    const token = await login(this.gatewayUrl, 'admin', ADMIN_PASSWORD);
    const category = await request(
      this.gatewayUrl,
      'PUT',
      `/api/v1/admin/categories/${SHORT_LIMIT_CATEGORY}`,
      {
        token,
        body: {
          name: { zh: '混沌测试：短时限', en: 'Chaos test: short limits' },
          priority: 'P2',
          ackWithin: 'PT30S',
          resolveWithin: 'PT2M',
          calendar: 'calendar',
        },
      },
    );
    if (category.status !== 201) throw new Error(`adding the category: ${JSON.stringify(category.body)}`);
    const line = await request(this.gatewayUrl, 'POST', '/api/v1/admin/responsibilities', {
      token,
      body: { category: SHORT_LIMIT_CATEGORY, areaId: 'zhongshan', leadUnitId: 'municipal' },
    });
    if (line.status !== 201) throw new Error(`adding the responsibility line: ${JSON.stringify(line.body)}`);
  }

  async tickets(): Promise<TicketDoc[]> {
    return (await this.models.tickets.find({}).lean()) as TicketDoc[];
  }

  eventLog(): Promise<EventLog> {
    return readEventLog(this.client, this.eventsTopic);
  }

  async stop(): Promise<void> {
    await this.fleet?.stopAll();
    this.stopDatabaseWatchdog();
    await this.db?.close().catch(() => undefined);
    // The data goes with the folders: FerretDB and PostgreSQL need no clean stop.
    await Promise.all([this.kafka?.stop(), this.redis?.stop(), this.ferretdb?.kill()]);
    await this.postgres?.kill();
    if (!this.keepDir) {
      this.postgres?.remove();
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
