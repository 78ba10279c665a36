import path from 'node:path';
import { spawnLogged } from '../../support/processes';
import type { ChaosRig } from './rig';

export interface CrashedWrite {
  ticketId: string;
  /** When the writer died (kill -9 right after its write). */
  crashedAt: number;
}

const CATEGORIES = ['water_outage', 'power_outage', 'sewer_overflow'];
const GRIDS = ['taoyuan-g2', 'chunhai-g1', 'dongri-g2', 'linhai-g1', 'yuguang-g2', 'baiyun-g1'];

/** Runs one crash-writer process (see outbox-crash-writer.ts): resolves once it died as planned. */
function crashOnce(rig: ChaosRig, n: number, writes: number): Promise<CrashedWrite[]> {
  const ticketIds: string[] = [];
  const child = spawnLogged(process.execPath, [path.join(__dirname, 'outbox-crash-writer.js')], {
    env: {
      PATH: rig.env.PATH,
      MONGO_URL: rig.env.MONGO_URL,
      REDIS_URL: rig.env.REDIS_URL,
      QUEUE_PREFIX: rig.env.QUEUE_PREFIX,
      CATEGORY: CATEGORIES[n % CATEGORIES.length],
      GRID: GRIDS[n % GRIDS.length],
      WRITES: String(writes),
    },
    logFile: path.join(rig.dir, 'outbox-crash-writer.log'),
    onLine: (line) => {
      const m = /^written (\S+)$/.exec(line.trim());
      if (m) ticketIds.push(m[1]!);
    },
  });
  return new Promise((resolve, reject) => {
    // 'close', not 'exit': the line printed just before the kill must have been read first.
    child.once('close', (code, signal) => {
      const crashedAt = Date.now();
      if (signal === 'SIGKILL' && ticketIds.length === writes)
        resolve(ticketIds.map((ticketId) => ({ ticketId, crashedAt })));
      else
        reject(
          new Error(
            `crash-writer ${n} ended with code ${code} signal ${signal} before its publish; see ${rig.dir}/outbox-crash-writer.log`,
          ),
        );
    });
  });
}

/**
 * `processes` writer processes, each killed once its `writes` writes are all between the
 * database write and the publish; `concurrency` of them at a time.
 */
export async function crashBetweenWriteAndPublish(
  rig: ChaosRig,
  processes: number,
  writes: number,
  concurrency: number,
): Promise<CrashedWrite[]> {
  const done: CrashedWrite[] = [];
  let next = 0;
  const worker = async () => {
    while (next < processes) {
      const n = next++;
      done.push(...(await crashOnce(rig, n, writes)));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return done;
}
