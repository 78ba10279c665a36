/**
 * Submit → unit console latency of the whole pipeline on the real servers: POST a report through
 * the gateway, time until the unit's socket receives `ticket.updated` with status dispatched.
 *
 *   node bench/dist/submit-latency.js [--reports 200] [--concurrency 1]
 *
 * Prints the figures and appends them to bench/results/submit-latency.jsonl.
 */
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { login, request, startTestSystem } from '@grid-dispatch/test';
import { io } from 'socket.io-client';
import { machineLine, runBenchmark, saveResult } from './results-file';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function main() {
  const reports = arg('reports', 200);
  const concurrency = arg('concurrency', 1);
  process.stdout.write(`starting an isolated system on the real servers…\n`);
  const system = await startTestSystem();
  try {
    const token = await login(system.url, 'municipal.member', 'demo-test-password');
    const socket = io(system.url, { auth: { token }, transports: ['websocket'] });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    // A push can arrive before the POST's answer does: record arrivals, then wait on them.
    const arrivals = new Map<string, number>();
    const waiting = new Map<string, (at: number) => void>();
    socket.on('ticket.updated', (m: { id: string; status: string }) => {
      if (m.status !== 'dispatched') return;
      arrivals.set(m.id, performance.now());
      waiting.get(m.id)?.(performance.now());
    });
    // Spread over the grid (about ±400 m) so the duplicate check sees a realistic neighbourhood.
    const centre = demoGridCentre('dongri-g1');
    const somewhere = () => ({
      lat: centre.lat + (Math.random() - 0.5) * 0.008,
      lng: centre.lng + (Math.random() - 0.5) * 0.01,
    });
    // Warm-up: producer, consumer fetch loops and connection pools.
    const latencies: number[] = [];
    let next = 0;
    const one = async () => {
      const t0 = performance.now();
      const res = await request(system.url, 'POST', '/api/v1/reports', {
        body: { category: 'road_collapse', description: `benchmark report ${next}`, location: somewhere() },
      });
      if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
      const id: string = res.body.ticketId;
      const at = await new Promise<number>((resolve, reject) => {
        const arrived = arrivals.get(id);
        if (arrived !== undefined) return resolve(arrived);
        const timer = setTimeout(() => reject(new Error(`no push for ${res.body.ticketId} in 10 s`)), 10000);
        waiting.set(res.body.ticketId, (t) => {
          clearTimeout(timer);
          resolve(t);
        });
      });
      waiting.delete(res.body.ticketId);
      return at - t0;
    };
    for (let i = 0; i < 5; i++) await one();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < reports) {
          next++;
          latencies.push(await one());
          if (latencies.length % 50 === 0) process.stdout.write(`  ${latencies.length}/${reports}\n`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    socket.disconnect();
    if (process.env.BENCH_DUMP) console.log(latencies.map(Math.round).join(' '));
    const sorted = [...latencies].sort((a, b) => a - b);
    const result = {
      at: new Date().toISOString(),
      benchmark: 'submit-to-socket',
      reports,
      concurrency,
      p50Ms: Math.round(percentile(sorted, 50)),
      p90Ms: Math.round(percentile(sorted, 90)),
      p99Ms: Math.round(percentile(sorted, 99)),
      maxMs: Math.round(sorted.at(-1)!),
      throughputPerS: Math.round((reports / seconds) * 10) / 10,
      machine: machineLine(),
    };
    console.log(JSON.stringify(result, null, 2));
    saveResult('submit-latency', result);
  } finally {
    await system.destroy();
  }
}

runBenchmark(main);
