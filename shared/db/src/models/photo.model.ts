import { type Connection, type Model, Schema } from 'mongoose';

/** The image types the system stores; anything else is refused at upload. */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

/**
 * An uploaded photo's description. `_id` is a random url-safe id of 128 bits: knowing it is what
 * lets anyone see the photo, so it must not be guessable. The bytes live apart, in `photo_data`
 * under the same `_id`: a report naming nine photos checks they exist by reading these small
 * documents, not up to 45 MB of images (FerretDB applies projections after reading the whole
 * document; measured 87 ms per 5 MB photo against 13 ms). Read only by `_id`, an indexed
 * equality. Stored after its bytes, so a description means the bytes
 * are there.
 */
export interface PhotoDoc {
  _id: string;
  contentType: PhotoContentType;
  bytes: number;
  /** Hex SHA-256 of the bytes, for integrity checks and a later dedupe. */
  sha256: string;
  createdAt: Date;
}

/** The bytes of a photo (≤ the upload limit, far below the 16 MB document limit). */
export interface PhotoDataDoc {
  _id: string;
  data: Buffer;
}

const photoSchema = new Schema<PhotoDoc>(
  {
    _id: { type: String, required: true },
    contentType: { type: String, required: true, enum: PHOTO_CONTENT_TYPES },
    bytes: { type: Number, required: true },
    sha256: { type: String, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false, collection: 'photos' },
);

const photoDataSchema = new Schema<PhotoDataDoc>(
  { _id: { type: String, required: true }, data: { type: Buffer, required: true } },
  { versionKey: false, collection: 'photo_data' },
);

export function photoModel(connection: Connection): Model<PhotoDoc> {
  return connection.models.Photo ?? connection.model<PhotoDoc>('Photo', photoSchema);
}

export function photoDataModel(connection: Connection): Model<PhotoDataDoc> {
  return connection.models.PhotoData ?? connection.model<PhotoDataDoc>('PhotoData', photoDataSchema);
}
