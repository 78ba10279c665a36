import type { Models } from '@grid-dispatch/db';
import { AppError } from '@grid-dispatch/errors';
import { isPublicHttpUrl } from './public-url';

/** A photo id: 16 random bytes in base64url (128 bits), exactly 22 characters of [A-Za-z0-9_-]. */
export const PHOTO_ID = /^[A-Za-z0-9_-]{22}$/;

/** The system's own photo path, relative to the origin; nothing before or after it is allowed. */
const SYSTEM_PHOTO_PATH = /^\/api\/v1\/photos\/([A-Za-z0-9_-]{22})$/;

/** Where a stored photo is served: `/api/v1/photos/<id>`. */
export function photoPath(id: string): string {
  return `/api/v1/photos/${id}`;
}

/** The photo id of a system photo path, or null when `value` is not exactly such a path. */
export function systemPhotoId(value: string): string | null {
  return SYSTEM_PHOTO_PATH.exec(value)?.[1] ?? null;
}

/**
 * What a report or a fix may give as a photo: a public http(s) URL (see {@link isPublicHttpUrl})
 * or a photo stored by the system, named by its path `/api/v1/photos/<id>`.
 */
export function isPhotoReference(value: string): boolean {
  return systemPhotoId(value) !== null || isPublicHttpUrl(value);
}

export const PHOTO_REFERENCE_RULE =
  'must be an http(s) URL on a public host or a stored photo path /api/v1/photos/<id>';

/**
 * Checks that every system photo path in `photos` names a stored photo; an unknown one answers
 * 422 naming `<field>[i]`. One by-id read per system photo (the lookup FerretDB pushes down).
 */
export async function assertStoredPhotosExist(
  photos: Models['photos'],
  values: readonly unknown[],
  field = 'photos',
): Promise<void> {
  for (const [index, value] of values.entries()) {
    const id = typeof value === 'string' ? systemPhotoId(value) : null;
    if (!id) continue;
    const found = await photos.exists({ _id: id });
    if (!found) {
      throw new AppError('VALIDATION_FAILED', `No stored photo ${value}; upload it first.`, {
        fields: [{ path: `${field}[${index}]`, message: 'no such stored photo' }],
      });
    }
  }
}
