import { createHash } from 'node:crypto';
import { type Connection, type Model, Schema } from 'mongoose';

/**
 * A key an administrator issued to an outside client (a city app) for filing reports through
 * Open311 GeoReport v2. Only the key's SHA-256 is stored: the key itself is shown once, when it is
 * issued. A revoked key stays on record (inactive) so reports filed with it keep a named client.
 */
export interface Open311KeyDoc {
  _id: string;
  /** Who holds the key, e.g. "Dalian 12345 app"; stored on every report filed with it. */
  name: string;
  /** SHA-256 (hex) of the key. */
  keyHash: string;
  /** The key's first characters, so an administrator can tell keys apart without the key. */
  keyPrefix: string;
  active: boolean;
  revokedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const open311KeySchema = new Schema<Open311KeyDoc>(
  {
    _id: { type: String, required: true },
    name: { type: String, required: true },
    keyHash: { type: String, required: true },
    keyPrefix: { type: String, required: true },
    active: { type: Boolean, default: true },
    revokedAt: { type: Date, default: null },
  },
  { timestamps: true, versionKey: false, collection: 'open311_keys' },
);
open311KeySchema.index({ keyHash: 1 }, { unique: true });

/** The stored form of an Open311 API key. */
export function open311KeyHash(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export function open311KeyModel(connection: Connection): Model<Open311KeyDoc> {
  return connection.models.Open311Key ?? connection.model<Open311KeyDoc>('Open311Key', open311KeySchema);
}
