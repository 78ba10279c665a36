import type { TicketFact } from '@grid-dispatch/domain';
import { type Connection, type Model, Schema } from 'mongoose';

/**
 * The KPI projection's record of one ticket: its folded fact (see `foldTicketFact`) and the
 * `<scope>|<YYYY-MM-DD>` buckets its entries count in (scope `area:<id>` or `unit:<id>`).
 *
 * One document per ticket, written only by the consumer that owns the ticket's partition, so no
 * two writers ever meet on it: no lock, no version conflict, and a redelivered event is skipped
 * by the fact's version. A period's figures are read bucket by bucket with `{buckets: id}`, an
 * equality that an index serves (a GIN index on FerretDB/PostgreSQL, multikey on MongoDB); the
 * entries themselves are derived from the fact when read (`kpiEntriesOf`).
 */
export interface KpiTicketDoc {
  _id: string;
  fact: TicketFact;
  buckets: string[];
}

const kpiTicketSchema = new Schema<KpiTicketDoc>(
  {
    _id: { type: String, required: true },
    fact: { type: Schema.Types.Mixed, required: true },
    buckets: { type: [String], default: () => [] },
  },
  { versionKey: false, minimize: false, collection: 'kpi_tickets' },
);
kpiTicketSchema.index({ buckets: 1 });

export function kpiTicketModel(connection: Connection): Model<KpiTicketDoc> {
  return connection.models.KpiTicket ?? connection.model<KpiTicketDoc>('KpiTicket', kpiTicketSchema);
}

export function kpiBucketId(scope: string, day: string): string {
  return `${scope}|${day}`;
}
