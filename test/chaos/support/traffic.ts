import { randomUUID } from 'node:crypto';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import { sleep } from '../../support/processes';
import { SHORT_LIMIT_CATEGORY } from './rig';

/**
 * The mix of reports, in turn: calendar-time P2 categories (sign within 1 h, no timer falls due
 * while the suite runs) and, one report in six, the rig's category whose limits run out within
 * two minutes, so that deadlines fire under every fault.
 */
const CATEGORIES = [
  'water_outage',
  'power_outage',
  'sewer_overflow',
  'water_outage',
  'power_outage',
  SHORT_LIMIT_CATEGORY,
] as const;
const GRIDS = ['taoyuan-g1', 'chunhai-g2', 'dongri-g1', 'linhai-g2', 'yuguang-g1', 'baiyun-g2'];

export interface AcceptedReport {
  ticketId: string;
  category: string;
  /** When the 201 arrived. */
  acceptedAt: number;
  attempts: number;
}

/** What a client (resident or staff) was told about a ticket: the state must never go back behind it. */
export interface SeenState {
  ticketId: string;
  version: number;
  status: string;
  /** The event the client's action recorded at that version. */
  eventType: string;
}

interface JsonAnswer {
  status: number;
  body: any;
}

export async function call(
  base: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<JsonAnswer> {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  try {
    const res = await fetch(`${base}${path}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(options.timeoutMs ?? 10000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON
    }
    return { status: res.status, body };
  } catch {
    // Refused, reset or timed out: the service (or the gateway) is down.
    return { status: 0, body: null };
  }
}

/**
 * Residents filing reports through the gateway at a steady rate. A report that gets no 201 is sent
 * again with the same Idempotency-Key (as the report form does), a few times, a second or so apart.
 */
export class ReportLoad {
  sent = 0;
  readonly accepted: AcceptedReport[] = [];
  /** Answers by HTTP status (0: no answer), every attempt counted. */
  readonly answers = new Map<number, number>();
  refused = 0;
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly inFlight = new Set<Promise<unknown>>();
  private n = 0;

  constructor(
    private readonly base: string,
    private readonly label: string,
  ) {}

  start(perSecond: number): void {
    if (this.running) return;
    this.running = true;
    const gap = 1000 / perSecond;
    this.loop = (async () => {
      let next = Date.now();
      while (this.running) {
        const p = this.fileOne().finally(() => this.inFlight.delete(p));
        this.inFlight.add(p);
        next += gap;
        await sleep(Math.max(0, next - Date.now()));
      }
    })();
  }

  /** Stops sending new reports and waits for those in flight to be answered (or given up). */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await Promise.all([...this.inFlight]);
  }

  /** Files one report now, retrying as `start` does; resolves with the ticket id or null. */
  async fileOne(attempts = 4): Promise<string | null> {
    const n = this.n++;
    this.sent += 1;
    const category = CATEGORIES[n % CATEGORIES.length]!;
    // Shifted every round of categories, so that each category is reported in every grid.
    const centre = demoGridCentre(GRIDS[(n + Math.floor(n / CATEGORIES.length)) % GRIDS.length]!);
    const body = {
      category,
      description: `${this.label} report ${n}`,
      location: { lat: centre.lat + (n % 7) * 1e-5, lng: centre.lng + (n % 5) * 1e-5 },
    };
    const key = `chaos-${this.label}-${n}-${randomUUID()}`;
    for (let attempt = 1; attempt <= attempts; attempt++) {
      const res = await call(this.base, 'POST', '/api/v1/reports', {
        body,
        headers: { 'idempotency-key': key },
      });
      this.answers.set(res.status, (this.answers.get(res.status) ?? 0) + 1);
      if (res.status === 201) {
        this.accepted.push({
          ticketId: res.body.ticketId,
          category,
          acceptedAt: Date.now(),
          attempts: attempt,
        });
        return res.body.ticketId as string;
      }
      if (res.status >= 400 && res.status < 500) break;
      if (attempt < attempts) await sleep(1000 + Math.random() * 1000);
    }
    this.refused += 1;
    return null;
  }
}

/**
 * A water-company member working through the water outages reported: signs each dispatched one
 * (If-Match: the version read), then reports progress and the fix. What each 200 answered is kept,
 * to check no ticket later stands behind it. Failed calls (a service down, a stale version) are
 * simply tried again on the next round, as a person would.
 */
export class StaffMember {
  readonly seen: SeenState[] = [];
  readonly answers = new Map<number, number>();
  private token: string | null = null;
  private running = false;
  private loop: Promise<void> | null = null;
  private readonly done = new Set<string>();
  private current: string | null = null;

  constructor(
    private readonly base: string,
    private readonly username: string,
    private readonly password: string,
    /** The reports accepted so far, of which the member takes those of `category`. */
    private readonly reports: () => readonly AcceptedReport[],
    private readonly category = 'water_outage',
  ) {}

  async login(): Promise<void> {
    for (let i = 0; i < 20; i++) {
      const res = await call(this.base, 'POST', '/api/v1/auth/login', {
        body: { username: this.username, password: this.password },
      });
      if (res.status === 200) {
        this.token = res.body.token;
        return;
      }
      await sleep(1000);
    }
    throw new Error(`${this.username} could not log in`);
  }

  start(everyMs = 1000): void {
    if (this.running) return;
    this.running = true;
    this.loop = (async () => {
      while (this.running) {
        await this.actOnce().catch(() => undefined);
        await sleep(everyMs);
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private note(status: number) {
    this.answers.set(status, (this.answers.get(status) ?? 0) + 1);
  }

  /**
   * One step on the ticket in hand (sign, report progress, fix), taking the next report of the
   * category once it is fixed.
   */
  private async actOnce(): Promise<void> {
    if (!this.current || this.done.has(this.current)) {
      const next = this.reports().find((r) => r.category === this.category && !this.done.has(r.ticketId));
      if (!next) return;
      this.current = next.ticketId;
    }
    const target = { ticketId: this.current };
    if (!this.token) await this.login();
    const read = await call(this.base, 'GET', `/api/v1/tickets/${target.ticketId}`, { token: this.token! });
    this.note(read.status);
    if (read.status === 401) this.token = null;
    // Not dispatched to the member's unit yet (dispatch stalled by a fault): take the next one.
    if (read.status === 404) this.done.add(target.ticketId);
    if (read.status !== 200) return;
    const { status, version } = read.body as { status: string; version: number };
    const step =
      status === 'dispatched'
        ? { action: 'accept', body: {}, event: 'ticket.accepted' }
        : status === 'accepted' && version % 2 === 1
          ? { action: 'progress', body: { note: 'crew on site' }, event: 'ticket.progress_reported' }
          : status === 'accepted'
            ? { action: 'resolve', body: { note: 'supply restored' }, event: 'ticket.resolved' }
            : null;
    if (!step) {
      this.done.add(target.ticketId);
      return;
    }
    const res = await call(this.base, 'POST', `/api/v1/tickets/${target.ticketId}/${step.action}`, {
      token: this.token!,
      body: step.body,
      headers: { 'if-match': String(version) },
    });
    this.note(res.status);
    if (res.status === 200) {
      this.seen.push({
        ticketId: target.ticketId,
        version: res.body.version,
        status: res.body.status,
        eventType: step.event,
      });
      if (res.body.status === 'resolved') this.done.add(target.ticketId);
    }
  }
}
