import type { FieldError } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';

const KEYS = ['category', 'lat', 'lng'];
const CATEGORY = /^[a-z0-9_-]{1,64}$/;

/**
 * `?category=&lat=&lng=` of GET /api/v1/reports/nearby, checked: plain strings only (no
 * `$`-operators), a category code, coordinates in range. Problems name their field.
 */
export function parseNearbyQuery(query: Record<string, unknown>): {
  category: string;
  at: { lat: number; lng: number };
} {
  const fields: FieldError[] = [];
  for (const key of Object.keys(query)) {
    if (!KEYS.includes(key)) fields.push({ path: key, message: 'unknown parameter' });
  }
  for (const key of KEYS) {
    if (typeof query[key] !== 'string') fields.push({ path: key, message: 'required, once, as plain text' });
  }
  if (fields.length)
    throw new AppError('MALFORMED_REQUEST', 'Give category, lat and lng once each.', { fields });
  const category = query.category as string;
  const lat = Number(query.lat);
  const lng = Number(query.lng);
  if (!CATEGORY.test(category)) fields.push({ path: 'category', message: 'not a category code' });
  if (!Number.isFinite(lat) || lat < -90 || lat > 90)
    fields.push({ path: 'lat', message: 'must be within -90..90' });
  if (!Number.isFinite(lng) || lng < -180 || lng > 180)
    fields.push({ path: 'lng', message: 'must be within -180..180' });
  if (fields.length)
    throw new AppError('VALIDATION_FAILED', 'The place or category is not valid.', { fields });
  return { category, at: { lat, lng } };
}
