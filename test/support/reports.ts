import assert from 'node:assert/strict';
import { demoGridCentre } from '@grid-dispatch/bootstrap';
import type { TicketDoc } from '@grid-dispatch/db';
import { eventually, request } from './http-client';
import type { TestSystem } from './test-system';

/** What a resident sends (POST /api/v1/reports); every field a test leaves out has a default. */
export interface ReportBody {
  category: string;
  description: string;
  location?: { lat: number; lng: number };
  address?: string;
  contact?: { phone?: string; name?: string };
  photos?: string[];
}

export interface FiledReport {
  ticketId: string;
  trackingCode: string;
  reporterToken: string;
}

/**
 * Files a report through the public API as a resident does, and checks it was accepted (201).
 * By default a road collapse at the centre of Chunhai's first grid.
 */
export async function fileReport(baseUrl: string, body: Partial<ReportBody> = {}): Promise<FiledReport> {
  const res = await request<FiledReport>(baseUrl, 'POST', '/api/v1/reports', {
    body: {
      category: 'road_collapse',
      description: 'a hole has opened in the road',
      location: demoGridCentre('chunhai-g1'),
      ...body,
    },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body;
}

/** The stored ticket once `ready` holds for it (default: dispatched), read until then. */
export function ticketWhen(
  system: Pick<TestSystem, 'platform'>,
  ticketId: string,
  ready: (ticket: TicketDoc) => boolean = (t) => t.status === 'dispatched',
  timeoutMs = 15000,
): Promise<TicketDoc> {
  return eventually(async () => {
    const ticket = await system.platform.tickets.findById(ticketId);
    return ticket && ready(ticket) ? ticket : undefined;
  }, timeoutMs);
}

/** Files a report and waits for its dispatch: the filed report and the dispatched ticket. */
export async function fileAndDispatch(
  system: Pick<TestSystem, 'platform' | 'url'>,
  body: Partial<ReportBody> = {},
): Promise<FiledReport & { ticket: TicketDoc }> {
  const filed = await fileReport(system.url, body);
  return { ...filed, ticket: await ticketWhen(system, filed.ticketId) };
}
