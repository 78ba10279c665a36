import { PHOTO_CONTENT_TYPES, type PhotoContentType } from '@grid-dispatch/db';

/**
 * The image type the bytes themselves announce (their "magic bytes"), or null for anything else.
 * Trusting the declared Content-Type alone would let a text or HTML file be stored and served
 * as an image; the upload must be what it says it is.
 */
export function sniffImageType(bytes: Uint8Array): PhotoContentType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF container (bytes 0–3), WEBP form (8–11), first chunk VP8 / VP8L / VP8X (12–15).
  if (
    bytes.length >= 16 &&
    ascii(bytes, 0, 4) === 'RIFF' &&
    ascii(bytes, 8, 12) === 'WEBP' &&
    ascii(bytes, 12, 15) === 'VP8'
  ) {
    return 'image/webp';
  }
  return null;
}

/**
 * The media type of a Content-Type header without parameters, lower-cased, if it is one the
 * system stores; null when absent or anything else.
 */
export function declaredPhotoType(header: string | undefined): PhotoContentType | null {
  const type = header?.split(';')[0]?.trim().toLowerCase();
  return (PHOTO_CONTENT_TYPES as readonly string[]).includes(type ?? '') ? (type as PhotoContentType) : null;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}
