import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { parseDeadlineJobId, QueueName } from '@grid-dispatch/contracts';
import { Redis } from 'ioredis';
import { addFastCategory } from '../support/fast-category';
import { eventually, login, request } from '../support/http-client';
import { OwnServer, REPO_ROOT } from '../support/own-servers';
import { startTestSystem, type TestSystem } from '../support/test-system';

interface ScriptResult {
  code: number;
  stdout: string;
  stderr: string;
}

interface TicketEvent {
  type: string;
  payload: Record<string, unknown>;
}

interface StaffTicket {
  id: string;
  trackingCode: string;
  status: string;
  unitId: string | null;
  deadlines: { ack?: { dueAt: string } | null };
  events: TicketEvent[];
}

interface PublicTicket {
  trackingCode: string;
  status: string;
  timeline: Array<{ type: string }>;
}

/** scripts/backup.sh or scripts/restore.sh against a PostgreSQL and FerretDB of the test's own. */
function runScript(
  script: 'backup.sh' | 'restore.sh',
  args: string[],
  postgres: OwnServer,
  mongoUrl: string,
): Promise<ScriptResult> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: '127.0.0.1',
    PGPORT: String(postgres.port),
    PGUSER: 'postgres',
    // OwnServer.ferretdb keeps FerretDB's data in the cluster's `ferretdb` database, as infra does.
    PGDATABASE: 'ferretdb',
    MONGO_URL: mongoUrl,
  };
  delete env.BACKUP_STORE;
  delete env.POSTGRES_URL;
  return new Promise((resolve) => {
    execFile(
      'bash',
      [path.join(REPO_ROOT, 'scripts', script), ...args],
      { env, cwd: REPO_ROOT, timeout: 60000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function manifestOf(dir: string): Record<string, string> {
  const lines = readFileSync(path.join(dir, 'manifest.txt'), 'utf8').trim().split('\n');
  return Object.fromEntries(
    lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

/**
 * A backup of a running system (scripts/backup.sh: pg_dump of FerretDB's PostgreSQL database)
 * restored into an empty one (scripts/restore.sh) serves the same tickets, and the restored
 * system, on an empty Redis, re-arms their deadlines. Everything runs on servers of the test's
 * own; the shared ones are never touched.
 */
describe('backup and restore (scripts/backup.sh, scripts/restore.sh)', function () {
  this.timeout(120000);
  const DB = 'gd_backup';
  const servers: OwnServer[] = [];
  let pgA: OwnServer;
  let mongoA: OwnServer;
  let pgB: OwnServer;
  let mongoB: OwnServer;
  let systemA: TestSystem | null = null;
  let systemB: TestSystem | null = null;
  let backupDir: string;
  let saved: Map<string, { staff: StaffTicket; pub: PublicTicket }>;
  let fastId: string;

  const urlOf = (mongo: OwnServer) => `mongodb://127.0.0.1:${mongo.port}/${DB}`;

  async function staffView(system: TestSystem, token: string, id: string): Promise<StaffTicket> {
    const res = await request<StaffTicket>(system.url, 'GET', `/api/v1/tickets/${id}`, { token });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  }

  async function publicView(system: TestSystem, code: string): Promise<PublicTicket> {
    const res = await request<PublicTicket>(system.url, 'GET', `/api/v1/reports/${code}`);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  }

  before(async () => {
    pgA = await OwnServer.postgres();
    servers.push(pgA);
    await pgA.start();
    mongoA = await OwnServer.ferretdb(pgA);
    servers.push(mongoA);
    await mongoA.start();
    const system = await startTestSystem({ MONGO_URL: urlOf(mongoA) });
    systemA = system;
    // A sign limit short enough to lapse after the restore, long enough not to before the backup.
    await addFastCategory(system.platform, 'restore_fast', 'PT20S', 'PT1M');

    const reports = [
      {
        category: 'power_outage',
        description: 'no power in building 3',
        location: demoGridCentre('taoyuan-g1'),
      },
      {
        category: 'road_collapse',
        description: 'a hole in the road',
        location: demoGridCentre('chunhai-g1'),
        contact: { name: '王先生', phone: '13800138000' },
      },
      {
        category: 'water_outage',
        description: 'no water since morning',
        location: demoGridCentre('dongri-g2'),
      },
      {
        category: 'restore_fast',
        description: 'deadline across the restore',
        location: demoGridCentre('linhai-g1'),
      },
    ];
    const ids: string[] = [];
    for (const body of reports) {
      const res = await request<{ ticketId: string }>(system.url, 'POST', '/api/v1/reports', { body });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      ids.push(res.body.ticketId);
    }
    fastId = ids.at(-1)!;
    const token = await login(system.url, 'zhongshan.secretary', 'demo-test-password');
    const dispatched = await eventually(
      async () => {
        const views = await Promise.all(ids.map((id) => staffView(system, token, id)));
        return views.every((v) => v.status === 'dispatched') ? views : undefined;
      },
      30000,
      250,
    );
    saved = new Map();
    for (const staff of dispatched) {
      saved.set(staff.id, { staff, pub: await publicView(system, staff.trackingCode) });
    }
    backupDir = path.join(mkdtempSync(path.join(tmpdir(), 'gd-backup-test-')), 'backup');
  });

  after(async () => {
    await systemB?.destroy().catch(() => undefined);
    await systemA?.destroy().catch(() => undefined);
    for (const server of [...servers].reverse()) await server.kill();
    for (const server of servers) server.remove();
    if (backupDir) rmSync(path.dirname(backupDir), { recursive: true, force: true });
  });

  it('backs up the running system: a pg_dump of the database and a manifest', async () => {
    const fast = saved.get(fastId)!.staff;
    const result = await runScript('backup.sh', [backupDir], pgA, urlOf(mongoA));
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
    assert.ok(
      Date.now() < Date.parse(fast.deadlines.ack!.dueAt),
      'the backup was taken before the short sign limit lapsed',
    );
    assert.ok(existsSync(path.join(backupDir, 'postgres.dump')));
    const manifest = manifestOf(backupDir);
    assert.equal(manifest.format, 'grid-dispatch-backup/1');
    assert.equal(manifest.store, 'ferretdb');
    assert.equal(manifest.ferretdb_version, 'v1.24.2');
    assert.equal(manifest.mongo_database, DB);
    assert.deepEqual(manifest.databases?.split(' '), [DB]);
    assert.equal(manifest[`tickets.${DB}`], String(saved.size));
    assert.match(manifest.sha256 ?? '', /^[0-9a-f]{64}$/);
    assert.match(manifest.git_commit ?? '', /^([0-9a-f]{40}|unknown)/);
    assert.ok(!Number.isNaN(Date.parse(manifest.created ?? '')), manifest.created);
  });

  it('refuses to restore over a database that has tickets, saying what to do', async () => {
    const result = await runScript('restore.sh', [backupDir], pgA, urlOf(mongoA));
    assert.notEqual(result.code, 0, result.stdout);
    assert.match(result.stderr, new RegExp(`already holds tickets: ${DB} \\(tickets: ${saved.size}\\)`));
    assert.match(result.stderr, /--force/);
  });

  it('restores into an empty system, which serves the same tickets', async () => {
    // The old system and its servers go away entirely.
    await systemA!.destroy();
    systemA = null;
    await mongoA.kill();
    await pgA.kill();

    pgB = await OwnServer.postgres();
    servers.push(pgB);
    await pgB.start();
    mongoB = await OwnServer.ferretdb(pgB);
    servers.push(mongoB);
    await mongoB.start();
    const result = await runScript('restore.sh', [backupDir], pgB, urlOf(mongoB));
    assert.equal(result.code, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, new RegExp(`database ${DB}: tickets ${saved.size}`));
    // Not a FerretDB scripts/infra.sh started: the script asks for the restart it cannot do.
    assert.match(result.stdout, /RESTART the FerretDB/);
    await mongoB.kill();
    await mongoB.start();

    // A fresh queue and topic prefix: the restored system starts on an empty Redis state.
    systemB = await startTestSystem({ MONGO_URL: urlOf(mongoB) });
    const secretary = await login(systemB.url, 'zhongshan.secretary', 'demo-test-password');
    // Everything as it was, but updatedAt: the outbox relay touches a ticket when it has published
    // its events, which may have happened after the views were read.
    const withoutUpdatedAt = ({ updatedAt, ...rest }: StaffTicket & { updatedAt?: string }) => rest;
    for (const [id, was] of saved) {
      if (id === fastId) continue;
      const now = await staffView(systemB, secretary, id);
      assert.deepEqual(withoutUpdatedAt(now), withoutUpdatedAt(was.staff), `ticket ${id} as staff see it`);
      assert.deepEqual(
        await publicView(systemB, was.staff.trackingCode),
        was.pub,
        `ticket ${id} as the public sees it`,
      );
    }
    const fast = saved.get(fastId)!;
    const member = await login(systemB.url, `${fast.staff.unitId}.member`, 'demo-test-password');
    const restored = await staffView(systemB, member, fastId);
    assert.equal(restored.trackingCode, fast.staff.trackingCode);
    assert.deepEqual(
      restored.events.slice(0, fast.staff.events.length).map((e) => e.type),
      fast.staff.events.map((e) => e.type),
      'the history up to the backup',
    );
    assert.equal((await publicView(systemB, fast.staff.trackingCode)).trackingCode, fast.staff.trackingCode);
  });

  it('re-arms the deadlines in the empty Redis: a sign deadline job per ticket, and the short one breaches once', async () => {
    const system = systemB!;
    const redis = new Redis(system.config.REDIS_URL);
    try {
      const delayedKey = `${system.config.QUEUE_PREFIX}:${QueueName.SlaDeadlines}:delayed`;
      const signJobs = async () => {
        const found = new Map<string, number>();
        const entries = await redis.zrange(delayedKey, '0', '-1', 'WITHSCORES');
        for (let i = 0; i < entries.length; i += 2) {
          const job = parseDeadlineJobId(entries[i]!);
          // BullMQ scores a delayed job by its due time in ms, times 4096.
          if (job?.kind === 'ack' && job.step === 'breach')
            found.set(job.ticketId, Math.floor(Number(entries[i + 1]) / 4096));
        }
        return found;
      };
      const slow = [...saved.keys()].filter((id) => id !== fastId);
      const jobs = await eventually(
        async () => {
          const found = await signJobs();
          return slow.every((id) => found.has(id)) ? found : undefined;
        },
        20000,
        200,
      );
      for (const id of slow) {
        const due = Date.parse(saved.get(id)!.staff.deadlines.ack!.dueAt);
        assert.ok(Math.abs(jobs.get(id)! - due) < 1000, `sign deadline job of ${id} due at its deadline`);
      }

      const fast = saved.get(fastId)!.staff;
      const secretary = await login(system.url, 'zhongshan.secretary', 'demo-test-password');
      const breached = await eventually(
        async () => {
          const view = await staffView(system, secretary, fastId);
          return view.events.some((e) => e.type === 'sla.breached') ? view : undefined;
        },
        45000,
        500,
      );
      const breaches = breached.events.filter((e) => e.type === 'sla.breached');
      assert.equal(breaches.length, 1);
      assert.equal(breaches[0]!.payload.dueAt, fast.deadlines.ack!.dueAt);
      assert.ok(
        !fast.events.some((e) => e.type === 'sla.breached'),
        'the breach came from the restored system, not from before the backup',
      );
    } finally {
      await redis.quit();
    }
  });
});
