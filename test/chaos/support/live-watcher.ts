import { io, type Socket } from 'socket.io-client';
import { sleep } from '../../support/processes';
import { call } from './traffic';

interface Seen {
  version: number;
  status: string;
}

/**
 * A secretary's dashboard kept open through every fault: a socket through the gateway that hears
 * `ticket.updated` for the whole district, and — as the pages do — refetches the ticket list each
 * time it (re)connects, since pushes sent while it was away are not replayed. Its view of each
 * ticket is the newest version it heard of or fetched; once the system settles, that must be every
 * ticket's stored version: every update reached the connected client.
 */
export class LiveWatcher {
  readonly view = new Map<string, Seen>();
  pushes = 0;
  connects = 0;
  private socket: Socket | null = null;
  private token: string | null = null;
  private refetching: Promise<void> = Promise.resolve();

  constructor(
    private readonly base: string,
    private readonly username: string,
    private readonly password: string,
  ) {}

  async start(): Promise<void> {
    for (let attempt = 0; this.token === null; attempt++) {
      const res = await call(this.base, 'POST', '/api/v1/auth/login', {
        body: { username: this.username, password: this.password },
      });
      if (res.status === 200) this.token = res.body.token;
      else if (attempt >= 20) throw new Error(`${this.username} could not log in: ${res.status}`);
      else await sleep(1000);
    }
    const socket = io(this.base, {
      auth: { token: this.token },
      transports: ['websocket'],
      reconnectionDelayMax: 2000,
    });
    this.socket = socket;
    socket.on('ticket.updated', (m: { id: string; version: number; status: string }) => {
      this.pushes++;
      this.see(m.id, m.version, m.status);
    });
    socket.on('connect', () => {
      this.connects++;
      // Chained, so two reconnects close together do not page the list side by side.
      this.refetching = this.refetching.then(() => this.refetch());
    });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the dashboard socket did not connect')), 30000);
      socket.once('connect', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  stop(): void {
    this.socket?.close();
  }

  /** Stored tickets whose newest version this client has not heard of (or fetched) yet. */
  behind(stored: ReadonlyArray<{ _id: string; version: number }>): string[] {
    return stored.filter((t) => (this.view.get(t._id)?.version ?? 0) < t.version).map((t) => t._id);
  }

  private see(id: string, version: number, status: string): void {
    const known = this.view.get(id);
    if (!known || version > known.version) this.view.set(id, { version, status });
  }

  /** Every ticket of the caller's scope, page by page, as a page that just reconnected reloads. */
  private async refetch(): Promise<void> {
    for (let attempt = 0; attempt < 30; attempt++) {
      try {
        let cursor: string | null = null;
        do {
          const query: string = `limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
          const res = await call(this.base, 'GET', `/api/v1/tickets?${query}`, { token: this.token! });
          if (res.status !== 200) throw new Error(`ticket list answered ${res.status}`);
          for (const t of res.body.items as Array<{ id: string; version: number; status: string }>)
            this.see(t.id, t.version, t.status);
          cursor = res.body.nextCursor;
        } while (cursor);
        return;
      } catch {
        // A server still coming back: the page would retry too.
        await sleep(1000);
      }
    }
  }
}
