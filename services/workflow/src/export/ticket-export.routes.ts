import { STAFF_ROLES, type StaffPrincipal } from '@grid-dispatch/auth';
import { daysBetween, reportDay } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { principalOf, requireStaff } from '@grid-dispatch/http';
import { type Response, Router } from 'express';
import type { WorkflowConfig } from '../config';
import type { WorkflowPlatform } from '../workflow-platform';
import { dayReads, type ExportQuery, inExport, parseExportQuery } from './export-query';
import {
  CSV_HEAD,
  csvLine,
  type ExportNames,
  type ExportTicket,
  jsonLine,
  ticketExportRow,
} from './ticket-export-row';

/** Tickets read from the database per round trip: enough to keep it busy, few enough to hold. */
const BATCH_SIZE = 500;

/** Only what a row needs: no contact, address, photos or outbox. */
const FIELDS = {
  trackingCode: 1,
  category: 1,
  priority: 1,
  status: 1,
  channel: 1,
  areaIds: 1,
  unitId: 1,
  assistUnitIds: 1,
  description: 1,
  deadlines: 1,
  escalationLevel: 1,
  rating: 1,
  createdAt: 1,
  // Whole entries: FerretDB's projection of fields inside array elements is not to be relied on.
  events: 1,
};

const CONTENT_TYPES = { csv: 'text/csv; charset=utf-8', jsonl: 'application/x-ndjson; charset=utf-8' };

/**
 * GET /api/v1/tickets/export: the tickets of a scope and period as CSV or JSON lines, streamed.
 * Walks the period a day at a time by `createdDay` (FerretDB serves that equality from an index,
 * no range) with a cursor of BATCH_SIZE, writes each row as it comes and waits for 'drain' when
 * the socket is full, so memory stays the same whatever the export's size; a client that hangs up
 * closes the cursor.
 */
export function ticketExportRouter(platform: WorkflowPlatform, config: WorkflowConfig): Router {
  const router = Router();
  const log = platform.logger.child({ module: 'ticket-export' });

  router.get(
    '/export',
    requireStaff({ secret: config.AUTH_SECRET, sessions: platform.sessions }),
    async (req, res) => {
      const principal = principalOf(req);
      if (!(STAFF_ROLES as readonly string[]).includes(principal.role))
        throw new AppError('FORBIDDEN', 'Your role may not export tickets.');
      const query = parseExportQuery(req.query, reportDay(new Date().toISOString()));
      // Checked before the first byte: after it, a failure can only cut the download short.
      const names = await exportNames(platform);

      res.status(200);
      res.setHeader('Content-Type', CONTENT_TYPES[query.format]);
      res.setHeader('Content-Disposition', `attachment; filename="${fileName(principal, query)}"`);
      res.setHeader('Cache-Control', 'no-store');
      const line = query.format === 'csv' ? csvLine : jsonLine;
      let rows = 0;
      try {
        if (query.format === 'csv') await write(res, CSV_HEAD);
        for (const day of daysBetween(query.from, query.to)) {
          if (res.destroyed) break;
          for (const read of dayReads(principal, query, day)) {
            if (res.destroyed) break;
            const cursor = platform.models.tickets
              .find(read.filter, FIELDS)
              .sort({ createdAt: 1, _id: 1 })
              .batchSize(BATCH_SIZE)
              .lean<ExportTicket>()
              .cursor();
            try {
              for await (const ticket of cursor) {
                if (res.destroyed) break;
                if (read.alreadyRead(ticket) || !inExport(principal, query, ticket)) continue;
                await write(res, line(ticketExportRow(ticket, names)));
                rows++;
              }
            } finally {
              await cursor.close();
            }
          }
        }
      } catch (error) {
        // The status line went out already: all that is left is to cut the download short, so
        // the client sees an incomplete transfer rather than a file that looks whole.
        log.error({ err: error, rows }, 'ticket export failed midway');
        res.destroy();
        return;
      }
      if (res.destroyed) log.info({ rows }, 'ticket export abandoned by the client');
      else res.end();
    },
  );

  return router;
}

/** Writes, and when the socket's buffer is full waits until it drains (or the client is gone). */
function write(res: Response, chunk: string): Promise<void> {
  if (res.write(chunk) || res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function exportNames(platform: WorkflowPlatform): Promise<ExportNames> {
  const [areas, units, categories] = await Promise.all([
    platform.models.areas.find({}, { name: 1, level: 1 }).lean().exec(),
    platform.models.units.find({}, { name: 1 }).lean().exec(),
    platform.models.categories.find({}, { name: 1 }).lean().exec(),
  ]);
  return {
    areas: new Map(areas.map((a) => [a._id, { level: a.level, name: a.name }])),
    units: new Map(units.map((u) => [u._id, u.name])),
    categories: new Map(categories.map((c) => [c._id, c.name])),
  };
}

/** `tickets-<scope>-<from>_<to>.<ext>`, with nothing in it a header or a file system could trip on. */
function fileName(principal: StaffPrincipal, query: ExportQuery): string {
  const scope = query.areaId ?? query.unitId ?? principal.areaId ?? principal.unitId ?? 'all';
  const safe = scope.replace(/[^\w.-]/g, '_').slice(0, 60);
  return `tickets-${safe}-${query.from}_${query.to}.${query.format}`;
}
