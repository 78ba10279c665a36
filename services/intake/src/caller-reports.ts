import { phoneKey } from '@grid-dispatch/domain';
import type { IntakePlatform } from './intake-platform';

/** One of a caller's reports, as the hotline may tell the caller: nothing a resident may not see. */
export interface CallerReport {
  trackingCode: string;
  category: string;
  status: string;
  channel: 'web' | 'open311' | 'hotline';
  reportedAt: string;
  updatedAt: string;
  unit: { name: { zh: string; en: string } } | null;
}

/**
 * The reports filed with this phone number, by any channel, newest first, at most `limit`. One
 * indexed equality on `phoneKey` (FerretDB serves no sort from an index, so the few matches are
 * sorted here); reports stored before `phoneKey` existed are not found.
 */
export async function callerReports(
  platform: IntakePlatform,
  phone: string,
  limit: number,
): Promise<CallerReport[]> {
  const { tickets, units } = platform.models;
  const found = await tickets
    .find(
      { phoneKey: phoneKey(phone) },
      { trackingCode: 1, category: 1, status: 1, channel: 1, unitId: 1, createdAt: 1, updatedAt: 1 },
    )
    .lean()
    .exec();
  const newest = found
    .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())
    .slice(0, limit);
  const unitIds = [...new Set(newest.flatMap((t) => (t.unitId ? [t.unitId] : [])))];
  const names = new Map(
    (
      await units
        .find({ _id: { $in: unitIds } }, { name: 1 })
        .lean()
        .exec()
    ).map((u) => [u._id, u.name]),
  );
  return newest.map((t) => {
    const name = t.unitId ? names.get(t.unitId) : undefined;
    return {
      trackingCode: t.trackingCode,
      category: t.category,
      status: t.status,
      channel: t.channel ?? 'web',
      reportedAt: new Date(t.createdAt).toISOString(),
      updatedAt: new Date(t.updatedAt).toISOString(),
      unit: name ? { name } : null,
    };
  });
}
