import assert from 'node:assert/strict';
import type { TicketDoc } from '@grid-dispatch/db';
import type { Platform } from '@grid-dispatch/runtime';

/** Each category's sign and fix limits in seconds, as the recount judges them. */
export async function categoryLimits(platform: Platform) {
  const categories = await platform.models.categories.find({}).lean();
  return new Map(
    categories.map((c) => [c._id, { ack: seconds(c.ackWithin), resolve: seconds(c.resolveWithin) }]),
  );
}

/** PT2S, PT15M, PT4H, P1D → seconds (enough for the calendar-time categories used here). */
export function seconds(iso: string): number {
  const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/.exec(iso);
  if (!m) throw new Error(`unexpected duration ${iso}`);
  return (Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
}

/**
 * An independent recount of the KPI measures (the rates and times of GET /api/v1/kpis) from the tickets' stored histories and the
 * categories' limits — written plainly from the definitions, sharing no code with the projection.
 */
export function recount(
  tickets: TicketDoc[],
  limits: Map<string, { ack: number; resolve: number }>,
  filter: { unitId?: string },
) {
  const c = {
    dispatched: 0,
    signed: 0,
    signedOnTime: 0,
    due: 0,
    fixedOnTime: 0,
    closed: 0,
    solved: 0,
    rated: 0,
    satisfied: 0,
    basicallySatisfied: 0,
    dissatisfied: 0,
    returned: 0,
    reportsWeb: 0,
    reportsOpen311: 0,
    reportsHotline: 0,
  };
  /** Each report once, for the unit its ticket was first dispatched to, by the channel on the ticket. */
  const reportKey = { web: 'reportsWeb', open311: 'reportsOpen311', hotline: 'reportsHotline' } as const;
  const ack: number[] = [];
  const fix: number[] = [];
  for (const t of tickets) {
    const limit = limits.get(t.category)!;
    type Dispatch = {
      unit: string;
      at: number;
      ackDue: number;
      signedAt?: number;
      resolveDue?: number;
      fixedAt?: number;
      lapsed?: boolean;
      returned?: boolean;
    };
    const dispatches: Dispatch[] = [];
    const closures: Array<{ unit: string; standing: boolean }> = [];
    const ratings: Array<{ unit: string; rating: string }> = [];
    let lastFixer: Dispatch | undefined;
    for (const e of t.events) {
      const at = new Date(e.at).getTime();
      const p = e.payload as any;
      const cur = dispatches.at(-1);
      if (
        (e.type === 'ticket.dispatched' && p.unitId) ||
        e.type === 'ticket.reassigned' ||
        e.type === 'ticket.return_approved'
      ) {
        dispatches.push({ unit: p.unitId, at, ackDue: at + limit.ack * 1000 });
      } else if (e.type === 'ticket.accepted' && cur) {
        cur.signedAt = at;
        cur.resolveDue = at + limit.resolve * 1000;
      } else if (e.type === 'ticket.return_requested' && cur) {
        cur.returned = true;
      } else if (e.type === 'ticket.extension_approved' && cur) {
        cur.resolveDue = Date.parse(p.resolveBy);
      } else if (e.type === 'sla.breached' && p.deadline === 'resolve' && cur) {
        cur.lapsed = true;
      } else if (e.type === 'ticket.resolved' && cur) {
        cur.fixedAt = at;
        lastFixer = cur;
      } else if (e.type === 'ticket.verification_failed' && cur) {
        cur.fixedAt = undefined;
        cur.resolveDue = at + limit.resolve * 1000;
      } else if (e.type === 'ticket.verified' && cur) {
        closures.push({ unit: cur.unit, standing: true });
      } else if (e.type === 'ticket.rated') {
        ratings.push({ unit: lastFixer?.unit ?? '', rating: p.rating });
        if (p.rating === 'dissatisfied' && closures.length) closures.at(-1)!.standing = false;
      }
    }
    const mine = (unit: string) => filter.unitId === undefined || unit === filter.unitId;
    if (dispatches[0] && mine(dispatches[0].unit)) c[reportKey[t.channel ?? 'web']] += 1;
    for (const d of dispatches.filter((x) => mine(x.unit))) {
      c.dispatched += 1;
      if (d.returned) c.returned += 1;
      if (d.signedAt !== undefined) {
        c.signed += 1;
        if (d.signedAt <= d.ackDue) c.signedOnTime += 1;
        ack.push(Math.round((d.signedAt - d.at) / 1000));
      }
      if (d.fixedAt !== undefined || d.lapsed) c.due += 1;
      if (d.fixedAt !== undefined && d.signedAt !== undefined) {
        if (d.fixedAt <= d.resolveDue!) c.fixedOnTime += 1;
        fix.push(Math.round((d.fixedAt - d.signedAt) / 1000));
      }
    }
    for (const x of closures.filter((y) => mine(y.unit))) {
      c.closed += 1;
      if (x.standing) c.solved += 1;
    }
    for (const r of ratings.filter((y) => mine(y.unit))) {
      c.rated += 1;
      if (r.rating === 'satisfied') c.satisfied += 1;
      else if (r.rating === 'basically_satisfied') c.basicallySatisfied += 1;
      else c.dissatisfied += 1;
    }
  }
  const rate = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 10000) / 10000);
  const pct = (xs: number[], p: number) => {
    if (!xs.length) return null;
    const s = [...xs].sort((x, y) => x - y);
    return s[Math.max(1, Math.ceil(p * s.length)) - 1]!;
  };
  return {
    counts: c,
    responseRate: rate(c.signedOnTime, c.dispatched),
    onTimeRate: rate(c.fixedOnTime, c.due),
    resolutionRate: rate(c.solved, c.closed),
    satisfactionRate: rate(c.satisfied + c.basicallySatisfied, c.rated),
    ackP50: pct(ack, 0.5),
    ackP90: pct(ack, 0.9),
    resolveP50: pct(fix, 0.5),
    resolveP90: pct(fix, 0.9),
  };
}

export function assertSameFigures(actual: any, expected: ReturnType<typeof recount>) {
  for (const key of ['responseRate', 'onTimeRate', 'resolutionRate', 'satisfactionRate'] as const) {
    assert.equal(actual[key], expected[key], `${key}: projection ${actual[key]} vs recount ${expected[key]}`);
  }
  for (const [key, value] of Object.entries(expected.counts)) {
    assert.equal(
      actual.counts[key],
      value,
      `counts.${key}: projection ${actual.counts[key]} vs recount ${value}`,
    );
  }
  for (const key of ['ackP50', 'ackP90', 'resolveP50', 'resolveP90'] as const) {
    assert.equal(
      actual[key] === null ? null : seconds(actual[key]),
      expected[key],
      `${key}: projection ${actual[key]} vs recount ${expected[key]} s`,
    );
  }
}
