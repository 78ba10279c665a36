import type { Connection } from 'mongoose';

/** The driver checks the server every 10 s (its heartbeat), failed or not. */
const HEARTBEAT_MS = 10_000;

export interface DatabaseWatchdogOptions {
  /** No heartbeat for this long means the driver stopped checking the server. */
  stalledAfterMs?: number;
  /** How often the watchdog looks. */
  everyMs?: number;
  /** Told when the driver is restarted, and why. */
  onRestart?: (info: { silentMs: number; error?: string }) => void;
}

/**
 * Restarts the database client when its driver stops checking the server. The driver marks the
 * server unknown after a failed operation and waits for its monitor's next check to use it again;
 * a monitor that never checks again (seen here after FerretDB restarted under load: one service
 * answered 503 for minutes while the others, and FerretDB, were fine) leaves every request failing
 * for good. The monitor's heartbeat events say it is alive (one every 10 s, succeeded or failed),
 * so a silence of three heartbeats closes and reconnects the same client: models and the
 * connection object stay, and requests in between answer 503 as when the database is down.
 */
export function watchDatabase(connection: Connection, options: DatabaseWatchdogOptions = {}): () => void {
  const stalledAfterMs = options.stalledAfterMs ?? 3 * HEARTBEAT_MS;
  const client = connection.getClient();
  let lastBeat = Date.now();
  let restarting = false;
  let stopped = false;
  const beat = () => {
    lastBeat = Date.now();
  };
  const events = ['serverHeartbeatStarted', 'serverHeartbeatSucceeded', 'serverHeartbeatFailed'] as const;
  for (const event of events) client.on(event, beat);
  const timer = setInterval(() => {
    const silentMs = Date.now() - lastBeat;
    if (stopped || restarting || silentMs < stalledAfterMs) return;
    restarting = true;
    void (async () => {
      let error: string | undefined;
      try {
        await client.close(true);
        if (!stopped) await client.connect();
      } catch (err) {
        // Not reachable now: the driver's own monitor goes on trying from here.
        error = err instanceof Error ? err.message : String(err);
      } finally {
        options.onRestart?.({ silentMs, error });
        lastBeat = Date.now();
        restarting = false;
      }
    })();
  }, options.everyMs ?? 5000);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
    for (const event of events) client.off(event, beat);
  };
}
