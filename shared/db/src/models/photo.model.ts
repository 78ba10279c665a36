import { type Connection, type Model, Schema } from 'mongoose';

/** The image types the system stores; anything else is refused at upload. */
export const PHOTO_CONTENT_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoContentType = (typeof PHOTO_CONTENT_TYPES)[number];

/**
 * An uploaded photo, kept whole in one document (the upload limit keeps it far below the 16 MB
 * document limit). `_id` is a random url-safe id of 128 bits: knowing it is what lets anyone see
 * the photo, so it must not be guessable. Served and checked only by `_id`, the one filter
 * FerretDB's SQLite backend pushes down.
 */
export interface PhotoDoc {
  _id: string;
  contentType: PhotoContentType;
  bytes: number;
  /** Hex SHA-256 of `data`, for integrity checks and a later dedupe. */
  sha256: string;
  data: Buffer;
  createdAt: Date;
}

const photoSchema = new Schema<PhotoDoc>(
  {
    _id: { type: String, required: true },
    contentType: { type: String, required: true, enum: PHOTO_CONTENT_TYPES },
    bytes: { type: Number, required: true },
    sha256: { type: String, required: true },
    data: { type: Buffer, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, versionKey: false, collection: 'photos' },
);

export function photoModel(connection: Connection): Model<PhotoDoc> {
  return connection.models.Photo ?? connection.model<PhotoDoc>('Photo', photoSchema);
}
