/**
 * Load-generator child of bench/live-fanout.ts (not run on its own): holds its share of the
 * dashboard sockets, counts every `ticket.updated` it receives per update (ticket id + version)
 * and keeps a 1 ms latency histogram (receive time − the message's `at`, which the benchmark sets
 * to the moment it produced the event; same machine, same clock). Talks to its parent over IPC.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';

export type ToReceiver =
  | { type: 'connect'; url: string; tokens: string[]; inFlight: number }
  | { type: 'reset' }
  | { type: 'report' }
  | { type: 'stop' };

export type FromReceiver =
  | { type: 'progress'; connected: number; failed: number; deliveries: number; disconnects: number }
  | { type: 'connected'; failed: number[] }
  | {
      type: 'report';
      /** [latency ms, deliveries] for every non-empty 1 ms bucket. */
      histogram: [number, number][];
      /** [`${ticketId}:${version}`, deliveries]. */
      counts: [string, number][];
      /** [epoch second the update was produced in, latency sum ms, deliveries, max ms]. */
      timeline: [number, number, number, number][];
      deliveries: number;
      disconnects: number;
      disconnectReasons: Record<string, number>;
      loopDelayP99Ms: number;
      loopDelayMaxMs: number;
    };

const MAX_MS = 120_000;
let histogram = new Uint32Array(MAX_MS + 1);
let counts = new Map<string, number>();
let timeline = new Map<number, [number, number, number]>();
let deliveries = 0;
let disconnects = 0;
const disconnectReasons = new Map<string, number>();
let connected = 0;
let failed = 0;
const sockets: Socket[] = [];
const loopDelay = monitorEventLoopDelay({ resolution: 10 });

function send(message: FromReceiver): void {
  process.send?.(message);
}

function onUpdate(m: { id: string; version: number; at: string }): void {
  const sent = Date.parse(m.at);
  const latency = Date.now() - sent;
  histogram[Math.max(0, Math.min(latency, MAX_MS))]!++;
  const second = Math.floor(sent / 1000);
  const t = timeline.get(second);
  if (t) {
    t[0] += latency;
    t[1]++;
    if (latency > t[2]) t[2] = latency;
  } else timeline.set(second, [latency, 1, latency]);
  const key = `${m.id}:${m.version}`;
  counts.set(key, (counts.get(key) ?? 0) + 1);
  deliveries++;
}

function connectOne(url: string, token: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = io(url, {
      auth: { token },
      transports: ['websocket'],
      // One engine.io connection per socket, like 5,000 browsers; no silent reconnects (counted instead).
      forceNew: true,
      reconnection: false,
      timeout: 30_000,
    });
    socket.on('ticket.updated', onUpdate);
    socket.once('connect', () => {
      sockets.push(socket);
      socket.on('disconnect', (reason) => {
        disconnects++;
        disconnectReasons.set(reason, (disconnectReasons.get(reason) ?? 0) + 1);
      });
      resolve(true);
    });
    socket.once('connect_error', () => {
      socket.close();
      resolve(false);
    });
  });
}

async function connectAll(url: string, tokens: string[], inFlight: number): Promise<void> {
  const failedIndexes: number[] = [];
  let next = 0;
  const progress = setInterval(
    () => send({ type: 'progress', connected, failed, deliveries, disconnects }),
    1000,
  );
  await Promise.all(
    Array.from({ length: Math.min(inFlight, tokens.length) }, async () => {
      while (next < tokens.length) {
        const i = next++;
        let ok = false;
        for (let attempt = 0; attempt < 3 && !ok; attempt++) ok = await connectOne(url, tokens[i]!);
        if (ok) connected++;
        else {
          failed++;
          failedIndexes.push(i);
        }
      }
    }),
  );
  send({ type: 'connected', failed: failedIndexes });
  // Keep reporting during the feed so the parent can show live progress and detect the drain.
  progress.refresh();
}

process.on('message', (message: ToReceiver) => {
  switch (message.type) {
    case 'connect':
      loopDelay.enable();
      void connectAll(message.url, message.tokens, message.inFlight);
      break;
    case 'reset':
      histogram = new Uint32Array(MAX_MS + 1);
      counts = new Map();
      timeline = new Map();
      deliveries = 0;
      disconnects = 0;
      loopDelay.reset();
      break;
    case 'report': {
      const buckets: [number, number][] = [];
      for (let ms = 0; ms <= MAX_MS; ms++) if (histogram[ms]) buckets.push([ms, histogram[ms]!]);
      send({
        type: 'report',
        histogram: buckets,
        counts: [...counts],
        timeline: [...timeline].map(([sec, [sum, n, max]]) => [sec, sum, n, max]),
        deliveries,
        disconnects,
        disconnectReasons: Object.fromEntries(disconnectReasons),
        loopDelayP99Ms: Math.round(loopDelay.percentile(99) / 1e5) / 10,
        loopDelayMaxMs: Math.round(loopDelay.max / 1e5) / 10,
      });
      break;
    }
    case 'stop':
      for (const s of sockets) s.close();
      setTimeout(() => process.exit(0), 200);
      break;
  }
});
process.on('disconnect', () => process.exit(0));
