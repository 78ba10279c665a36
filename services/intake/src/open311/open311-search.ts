import { daysBetween, reportDay, type TicketStatus } from '@grid-dispatch/domain';
import type { IntakePlatform } from '../intake-platform';
import { MAX_RESULTS, type RequestSearch } from './open311-search-query';
import { ticketStatusesFor } from './open311-status';
import { OPEN311_TICKET_FIELDS, type TicketForOpen311 } from './service-request-view';

/** Days asked at once while walking a window back from its newest day. */
const DAYS_IN_FLIGHT = 10;

/**
 * Reads the tickets a search names, newest first, at most MAX_RESULTS. The store is FerretDB on
 * PostgreSQL, which serves only equality on a top-level field from an index: ids are looked up by
 * `trackingCode` one by one, and a window is walked one day at a time by `createdDay` (set when a
 * report is stored; China Standard Time), the other conditions applied within each day.
 */
export async function searchTickets(
  platform: IntakePlatform,
  search: RequestSearch,
): Promise<TicketForOpen311[]> {
  const { tickets } = platform.models;
  if (search.kind === 'ids') {
    const found = await Promise.all(
      search.trackingCodes.map((trackingCode) =>
        tickets.findOne({ trackingCode }, OPEN311_TICKET_FIELDS).lean<TicketForOpen311>().exec(),
      ),
    );
    return found.filter((t): t is TicketForOpen311 => t !== null);
  }

  const filter: Record<string, unknown> = { createdAt: { $gte: search.from, $lte: search.to } };
  if (search.serviceCodes) {
    filter.category =
      search.serviceCodes.length === 1 ? search.serviceCodes[0] : { $in: search.serviceCodes };
  }
  if (search.statuses && search.statuses.length === 1) {
    filter.status = { $in: ticketStatusesFor(search.statuses[0]!) satisfies TicketStatus[] };
  }
  const days = daysBetween(
    reportDay(search.from.toISOString()),
    reportDay(search.to.toISOString()),
  ).reverse();
  const results: TicketForOpen311[] = [];
  for (let i = 0; i < days.length && results.length < MAX_RESULTS; i += DAYS_IN_FLIGHT) {
    const batch = days.slice(i, i + DAYS_IN_FLIGHT);
    const remaining = MAX_RESULTS - results.length;
    const perDay = await Promise.all(
      batch.map((createdDay) =>
        tickets
          .find({ createdDay, ...filter }, OPEN311_TICKET_FIELDS)
          .sort({ createdAt: -1 })
          .limit(remaining)
          .lean<TicketForOpen311[]>()
          .exec(),
      ),
    );
    for (const day of perDay) results.push(...day);
  }
  return results.slice(0, MAX_RESULTS);
}

/** Chinese names of every category and unit, for `service_name` and `agency_responsible` (small collections). */
export async function open311Names(platform: IntakePlatform) {
  const [categories, units] = await Promise.all([
    platform.models.categories.find({}, { name: 1 }).lean().exec(),
    platform.models.units.find({}, { name: 1 }).lean().exec(),
  ]);
  const category = new Map(categories.map((c) => [c._id, c.name.zh]));
  const unit = new Map(units.map((u) => [u._id, u.name.zh]));
  return {
    service: (code: string) => category.get(code) ?? code,
    agency: (unitId: string | null) => (unitId ? (unit.get(unitId) ?? null) : null),
  };
}
