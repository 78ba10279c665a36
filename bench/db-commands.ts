/**
 * Database commands one report costs, counted on the running system: files reports through the
 * gateway one after another (each with a phone number, so the resident SMS at dispatch is sent),
 * waits until each is dispatched, then a few seconds more for the KPI projection and the SMS
 * worker, and counts every command the mongodb driver sends meanwhile, by command and collection.
 * Background work in that window (the KPI refresher, the committee outbox sweep) is counted too,
 * as it would be on a real system.
 *
 *   npx tsc -b && node bench/dist/db-commands.js [--reports 20]
 *
 * Prints the table and appends it to bench/results/db-commands.jsonl.
 */
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { fileReport, startTestSystem, ticketWhen } from '@grid-dispatch/test';
import type { CommandStartedEvent } from 'mongodb';
import { machineLine, runBenchmark, saveResult } from './results-file';

const SETTLE_MS = 8000;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const report = (i: number) => ({
  category: 'road_collapse',
  description: `a hole in the road outside building ${i}`,
  location: demoGridCentre('taoyuan-g1'),
  contact: { phone: '13800138000' },
});

async function main() {
  const reports = arg('reports', 20);
  // The driver reports commands only when asked to, by the connection string.
  const base = process.env.MONGO_URL ?? 'mongodb://127.0.0.1:27027/grid-dispatch';
  process.env.MONGO_URL = `${base}${base.includes('?') ? '&' : '?'}monitorCommands=true`;
  process.stdout.write('starting an isolated system on the real servers…\n');
  const system = await startTestSystem();
  try {
    const counts = new Map<string, number>();
    let counting = false;
    system.platform.db.getClient().on('commandStarted', (event: CommandStartedEvent) => {
      if (!counting) return;
      const collection = event.command[event.commandName];
      const key = `${event.commandName} ${typeof collection === 'string' ? collection : ''}`.trim();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    });
    // Warm the caches (reference data, categories) as a system that has been running has them.
    for (let i = 0; i < 3; i++) {
      const filed = await fileReport(system.url, report(i));
      await ticketWhen(system, filed.ticketId);
    }
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    process.stdout.write(`filing ${reports} reports, each waited for until dispatched…\n`);
    counting = true;
    const ids: string[] = [];
    for (let i = 0; i < reports; i++) ids.push((await fileReport(system.url, report(100 + i))).ticketId);
    counting = false;
    // The waiting reads the ticket itself: not counted.
    for (const id of ids) await ticketWhen(system, id);
    counting = true;
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    counting = false;
    const rows = [...counts].sort((a, b) => b[1] - a[1]);
    const total = rows.reduce((sum, [, n]) => sum + n, 0);
    process.stdout.write(`\ncommands per report (${reports} reports, ${machineLine()}):\n`);
    for (const [key, n] of rows) process.stdout.write(`${(n / reports).toFixed(2).padStart(7)}  ${key}\n`);
    process.stdout.write(`${(total / reports).toFixed(2).padStart(7)}  in all\n`);
    saveResult('db-commands', {
      at: new Date().toISOString(),
      benchmark: 'db-commands',
      machine: machineLine(),
      reports,
      perReport: Object.fromEntries(rows.map(([key, n]) => [key, Math.round((n / reports) * 100) / 100])),
      total: Math.round((total / reports) * 100) / 100,
    });
  } finally {
    await system.destroy();
  }
}

runBenchmark(main);
