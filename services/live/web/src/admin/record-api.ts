import { api } from '../lib/api';

/** One record of an admin collection, e.g. `/api/v1/admin/units/water`. */
function recordUrl(collection: string, key: string): string {
  return `${collection}/${encodeURIComponent(key)}`;
}

/**
 * Writes a record and answers its key: PUT onto `key` when there is one (an edit, or a collection
 * keyed by what the user types), else POST `createBody` and take the key the server gave it.
 */
export async function saveRecord(
  collection: string,
  key: string | null,
  body: object,
  createBody: object = body,
): Promise<string> {
  if (key !== null) {
    await api('PUT', recordUrl(collection, key), body);
    return key;
  }
  return (await api<{ id: string }>('POST', collection, createBody)).id;
}

export async function deleteRecord(collection: string, key: string): Promise<void> {
  await api('DELETE', recordUrl(collection, key));
}

/** A create body with the id the user typed, or none so the server makes one up. */
export function withOptionalId(body: object, id: string): object {
  return { ...body, ...(id ? { id } : {}) };
}
