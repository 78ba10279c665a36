import type { KpiEntry, TicketFact } from '@grid-dispatch/domain';
import { type Connection, type Model, Schema } from 'mongoose';

/** The KPI projection's memory of one ticket (see `foldTicketFact`); `_id` is the ticket id. */
export interface TicketFactDoc {
  _id: string;
  fact: TicketFact;
}

/**
 * One scope's KPI entries for one reporting day: `_id` is `<scope>|<YYYY-MM-DD>` with scope
 * `area:<id>` or `unit:<id>`, so a period's figures are read by `_id` alone (the only lookup
 * FerretDB 1.24 serves without a scan). Entries are keyed by `KpiEntry.key`: rewriting one is
 * idempotent, which makes the projection safe under at-least-once delivery.
 */
export interface KpiBucketDoc {
  _id: string;
  entries: Record<string, Omit<KpiEntry, 'key' | 'day'>>;
}

const ticketFactSchema = new Schema<TicketFactDoc>(
  { _id: { type: String, required: true }, fact: { type: Schema.Types.Mixed, required: true } },
  { versionKey: false, minimize: false, collection: 'kpi_ticket_facts' },
);

const kpiBucketSchema = new Schema<KpiBucketDoc>(
  { _id: { type: String, required: true }, entries: { type: Schema.Types.Mixed, default: () => ({}) } },
  { versionKey: false, minimize: false, collection: 'kpi_buckets' },
);

export function ticketFactModel(connection: Connection): Model<TicketFactDoc> {
  return connection.models.TicketFact ?? connection.model<TicketFactDoc>('TicketFact', ticketFactSchema);
}

export function kpiBucketModel(connection: Connection): Model<KpiBucketDoc> {
  return connection.models.KpiBucket ?? connection.model<KpiBucketDoc>('KpiBucket', kpiBucketSchema);
}

export function kpiBucketId(scope: string, day: string): string {
  return `${scope}|${day}`;
}
