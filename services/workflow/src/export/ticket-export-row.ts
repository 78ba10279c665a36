import { z } from '@grid-dispatch/config';
import { prioritySchema, ratingSchema, ticketStatusSchema } from '@grid-dispatch/contracts';
import type { LocalizedName, TicketDoc } from '@grid-dispatch/db';
import { type AreaLevel, districtDateTime, redactContactDetails } from '@grid-dispatch/domain';
import { csvCell } from '../csv-cell';

const instant = z
  .string()
  .nullable()
  .describe('China Standard Time with its offset, to the second (2026-05-01T09:30:00+08:00); null: never');

/**
 * One exported ticket, the same keys in the same order in both formats: a CSV column each, one
 * JSON object per line. Closed (strict): an export must never carry more than this, and in
 * particular no reporter's name, phone or address and no staff member's identity.
 */
export const ticketExportRowSchema = z.strictObject({
  tracking_code: z.string(),
  id: z.string(),
  category: z.string().describe('category code'),
  category_name: z.string().describe('its Chinese name (the code when unknown)'),
  priority: prioritySchema,
  status: ticketStatusSchema,
  channel: z.string().describe('how the report came in: web (the report form), open311 or hotline'),
  subdistrict: z
    .string()
    .nullable()
    .describe('Chinese names of the ticket’s areas; null: outside every grid'),
  community: z.string().nullable(),
  grid: z.string().nullable(),
  unit_id: z.string().nullable().describe('the lead unit'),
  unit_name: z.string().nullable(),
  assist_units: z.string().describe('assisting units’ Chinese names, separated by “、”; empty: none'),
  description: z
    .string()
    .describe('the resident’s words, with phone numbers and email addresses replaced by a placeholder'),
  reported_at: instant,
  dispatched_at: instant.describe('the first dispatch'),
  signed_at: instant.describe('the latest signing (签收)'),
  fixed_at: instant.describe('the latest fix reported (办结)'),
  closed_at: instant.describe('the latest closure (销号)'),
  sign_due_at: instant.describe('the sign deadline while one runs'),
  fix_due_at: instant.describe('the fix deadline while one runs'),
  sign_missed: z.boolean().describe('a sign deadline of this ticket was ever missed'),
  fix_missed: z.boolean().describe('a fix deadline of this ticket was ever missed'),
  escalation_level: z.number().int().min(0).max(3),
  rating: ratingSchema.nullable(),
});

export type TicketExportRow = z.infer<typeof ticketExportRowSchema>;

/** The columns, in order: the CSV header and the key order of every JSON line. */
export const EXPORT_COLUMNS = Object.keys(ticketExportRowSchema.shape) as Array<keyof TicketExportRow>;

/** What a row is built from: the stored ticket without personal data, outbox or payloads read. */
export type ExportTicket = Pick<
  TicketDoc,
  | '_id'
  | 'trackingCode'
  | 'category'
  | 'priority'
  | 'status'
  | 'channel'
  | 'areaIds'
  | 'unitId'
  | 'assistUnitIds'
  | 'description'
  | 'deadlines'
  | 'escalationLevel'
  | 'rating'
> & {
  createdAt: Date | string;
  events: Array<{ type: string; at: Date | string; payload?: Record<string, unknown> }>;
};

/** Names looked up once per export (the reference data is small); ids stand in for unknown ones. */
export interface ExportNames {
  areas: ReadonlyMap<string, { level: AreaLevel; name: LocalizedName }>;
  units: ReadonlyMap<string, LocalizedName>;
  categories: ReadonlyMap<string, LocalizedName>;
}

/** An instant in the district's time with its offset: readable in a spreadsheet, exact for a program. */
export function exportInstant(at: Date | string | null | undefined): string | null {
  if (at === null || at === undefined) return null;
  const ms = typeof at === 'string' ? Date.parse(at) : at.getTime();
  if (!Number.isFinite(ms)) return null;
  return districtDateTime(ms);
}

type ExportEvent = ExportTicket['events'][number];

const firstOf = (events: ExportEvent[], type: string) => events.find((e) => e.type === type)?.at;
const latestOf = (events: ExportEvent[], type: string) => {
  for (let i = events.length - 1; i >= 0; i--) if (events[i]!.type === type) return events[i]!.at;
  return undefined;
};
const missed = (events: ExportEvent[], deadline: 'ack' | 'resolve') =>
  events.some((e) => e.type === 'sla.breached' && e.payload?.deadline === deadline);

/** The row of one ticket. Pure: names come from `names`, times from the ticket's own history. */
export function ticketExportRow(ticket: ExportTicket, names: ExportNames): TicketExportRow {
  const areaAt = (level: AreaLevel) => {
    for (const id of ticket.areaIds) {
      const area = names.areas.get(id);
      if (area?.level === level) return area.name.zh;
    }
    return null;
  };
  const unitName = (id: string) => names.units.get(id)?.zh ?? id;
  const events = ticket.events ?? [];
  const running = (d: 'ack' | 'resolve') => exportInstant(ticket.deadlines?.[d]?.dueAt);
  return {
    tracking_code: ticket.trackingCode,
    id: ticket._id,
    category: ticket.category,
    category_name: names.categories.get(ticket.category)?.zh ?? ticket.category,
    priority: ticket.priority,
    status: ticket.status,
    channel: ticket.channel ?? 'web',
    subdistrict: areaAt('subdistrict'),
    community: areaAt('community'),
    grid: areaAt('grid'),
    unit_id: ticket.unitId,
    unit_name: ticket.unitId === null ? null : unitName(ticket.unitId),
    assist_units: (ticket.assistUnitIds ?? []).map(unitName).join('、'),
    description: redactContactDetails(ticket.description ?? ''),
    reported_at: exportInstant(ticket.createdAt),
    dispatched_at: exportInstant(firstOf(events, 'ticket.dispatched')),
    signed_at: exportInstant(latestOf(events, 'ticket.accepted')),
    fixed_at: exportInstant(latestOf(events, 'ticket.resolved')),
    closed_at: exportInstant(latestOf(events, 'ticket.closed')),
    sign_due_at: running('ack'),
    fix_due_at: running('resolve'),
    sign_missed: missed(events, 'ack'),
    fix_missed: missed(events, 'resolve'),
    escalation_level: ticket.escalationLevel ?? 0,
    rating: ticket.rating ?? null,
  };
}

/**
 * The first bytes of a CSV export: a byte-order mark, so spreadsheet programs read the Chinese
 * names as UTF-8, and the header row.
 */
export const CSV_HEAD = `\uFEFF${EXPORT_COLUMNS.join(',')}\r\n`;

/** One CSV line, every cell formula-guarded (see `csvCell`). */
export function csvLine(row: TicketExportRow): string {
  return `${EXPORT_COLUMNS.map((key) => csvCell(row[key])).join(',')}\r\n`;
}

/**
 * One JSON line. Values are typed (numbers, booleans, null), so a program needs no guard; a
 * spreadsheet opening it sees one text cell per line. Line breaks inside strings are escaped by
 * JSON itself, so a line is always one ticket.
 */
export function jsonLine(row: TicketExportRow): string {
  return `${JSON.stringify(row)}\n`;
}
