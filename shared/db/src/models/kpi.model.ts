import type { TicketFact } from '@grid-dispatch/domain';
import { type Connection, type Model, Schema } from 'mongoose';

/**
 * The KPI projection's record of one ticket: its folded fact (see `foldTicketFact`) and the
 * `<scope>|<YYYY-MM-DD>` buckets its entries count in (scope `area:<id>` or `unit:<id>`).
 *
 * One document per ticket, written only by the consumer that owns the ticket's partition, so no
 * two writers ever meet on it: no lock, no version conflict, and a redelivered event is skipped
 * by the fact's version. A day's figures are built from the records of its bucket, found with
 * `{buckets: id}`, an equality that an index serves (a GIN index on FerretDB/PostgreSQL, multikey
 * on MongoDB); the entries themselves are derived from the fact when read (`kpiEntriesOf`).
 *
 * The fact is kept as JSON text (`factJson`) for the reason given at `KpiSummaryDoc`: a day of
 * records is read several times faster. Records written before that carry `fact` as a document
 * and are still read (see `factOf`).
 */
export interface KpiTicketDoc {
  _id: string;
  /** The fact's version, beside it so that progress can be checked without parsing. */
  version: number;
  factJson: string;
  buckets: string[];
  /** The fact as a document, in records written by earlier versions. */
  fact?: TicketFact;
}

const kpiTicketSchema = new Schema<KpiTicketDoc>(
  {
    _id: { type: String, required: true },
    version: { type: Number, required: true },
    factJson: { type: String, required: true },
    buckets: { type: [String], default: () => [] },
    fact: { type: Schema.Types.Mixed },
  },
  { versionKey: false, minimize: false, collection: 'kpi_tickets' },
);
kpiTicketSchema.index({ buckets: 1 });

/** The fact of a record, whichever way it was stored. */
export function factOf(doc: Pick<KpiTicketDoc, 'factJson' | 'fact'>): TicketFact {
  return doc.factJson ? (JSON.parse(doc.factJson) as TicketFact) : doc.fact!;
}

export function kpiTicketModel(connection: Connection): Model<KpiTicketDoc> {
  return connection.models.KpiTicket ?? connection.model<KpiTicketDoc>('KpiTicket', kpiTicketSchema);
}

export function kpiBucketId(scope: string, day: string): string {
  return `${scope}|${day}`;
}

/**
 * A stored KPI summary of one scope over one day (`_id` `<scope>|<YYYY-MM-DD>`) or one month
 * (`<scope>|<YYYY-MM>`): its entries folded into cells (see `KpiCell`). A summary is a cache,
 * never the record: it is current while `stamp` equals the stamp in Redis (see `KpiStamps`), and
 * rebuilt otherwise, a day from the ticket records of its bucket, a month from its days. Day
 * summaries carry `month` so a month is rebuilt with one indexed equality.
 *
 * The cells are kept as JSON text: FerretDB converts a nested document value by value on every
 * read (a month of a district's cells, 190 KB, took 180 ms to read as documents), while one
 * string passes through whole and `JSON.parse` reads it in a few milliseconds.
 */
export interface KpiSummaryDoc {
  _id: string;
  month: string | null;
  stamp: string;
  /** `KpiCell[]` as JSON. */
  cellsJson: string;
  /** When it was built (ms since the epoch): how old a stale summary is (absent in older ones). */
  builtAt?: number;
}

const kpiSummarySchema = new Schema<KpiSummaryDoc>(
  {
    _id: { type: String, required: true },
    month: { type: String, default: null },
    stamp: { type: String, required: true },
    cellsJson: { type: String, required: true },
    builtAt: { type: Number },
  },
  { versionKey: false, minimize: false, collection: 'kpi_summaries' },
);
kpiSummarySchema.index({ month: 1 });

export function kpiSummaryModel(connection: Connection): Model<KpiSummaryDoc> {
  return connection.models.KpiSummary ?? connection.model<KpiSummaryDoc>('KpiSummary', kpiSummarySchema);
}
