import { open311KeyHash } from '@grid-dispatch/db';
import { AppError } from '@grid-dispatch/errors';
import type { IntakePlatform } from '../intake-platform';

/** The client an accepted API key belongs to. */
export interface Open311Client {
  keyId: string;
  name: string;
}

const KEY_SHAPE = /^[\x21-\x7e]{16,200}$/;

function refused(message: string): AppError {
  return new AppError('FORBIDDEN', `api_key: ${message}`, { fields: [{ path: 'api_key', message }] });
}

/**
 * Checks an Open311 `api_key` against the keys the administrator issued: looked up by its
 * SHA-256 (an indexed equality), on every request, so a revoked key stops working at once.
 */
export async function open311ClientFor(
  platform: IntakePlatform,
  apiKey: string | null,
): Promise<Open311Client> {
  if (apiKey === null) throw refused('required to file a request; ask the district administrator for one');
  if (!KEY_SHAPE.test(apiKey)) throw refused('not a key issued here');
  const key = await platform.models.open311Keys
    .findOne({ keyHash: open311KeyHash(apiKey) }, { name: 1, active: 1 })
    .lean()
    .exec();
  if (!key) throw refused('not a key issued here');
  if (!key.active) throw refused('this key has been revoked');
  return { keyId: key._id, name: key.name };
}
