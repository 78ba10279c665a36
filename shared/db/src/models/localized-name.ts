import { Schema } from 'mongoose';

/** `{zh, en}`: every name is Simplified Chinese first, with English beside it. */
export interface LocalizedName {
  zh: string;
  en: string;
}

export const localizedNameSchema = new Schema<LocalizedName>(
  { zh: { type: String, required: true }, en: { type: String, required: true } },
  { _id: false },
);
