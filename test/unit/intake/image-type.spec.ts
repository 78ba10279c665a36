import assert from 'node:assert/strict';
import { declaredPhotoType, sniffImageType } from '@grid-dispatch/intake/dist/image-type';
import { PHOTO_FIXTURES } from '../../support/photo-fixtures';

describe('photo type sniffing (magic bytes)', () => {
  const bytes = (...values: number[]) => Uint8Array.from(values);
  const text = (s: string) => new TextEncoder().encode(s);

  const table: Array<[string, Uint8Array, string | null]> = [
    ['a real PNG', PHOTO_FIXTURES['image/png'], 'image/png'],
    ['a real JPEG', PHOTO_FIXTURES['image/jpeg'], 'image/jpeg'],
    ['a real WebP', PHOTO_FIXTURES['image/webp'], 'image/webp'],
    ['the JPEG signature alone', bytes(0xff, 0xd8, 0xff), 'image/jpeg'],
    ['two bytes of a JPEG signature', bytes(0xff, 0xd8), null],
    ['a PNG signature missing its last byte', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a), null],
    ['a PNG signature with a Unix line ending', bytes(0x89, 0x50, 0x4e, 0x47, 0x0a, 0x0a, 0x1a, 0x0a), null],
    ['a RIFF WAVE file', text('RIFF\x24\x00\x00\x00WAVEfmt '), null],
    ['RIFF WEBP without a VP8 chunk', text('RIFF\x24\x00\x00\x00WEBPJUNK'), null],
    ['a text file', text('hello, this is not a picture'), null],
    ['HTML', text('<html><script>alert(1)</script></html>'), null],
    ['SVG', text('<svg xmlns="http://www.w3.org/2000/svg"/>'), null],
    ['a GIF', text('GIF89a\x01\x00\x01\x00'), null],
    ['nothing', bytes(), null],
  ];
  for (const [name, input, expected] of table) {
    it(`${name} → ${expected}`, () => assert.equal(sniffImageType(input), expected));
  }
});

describe('declared photo type (Content-Type)', () => {
  const table: Array<[string | undefined, string | null]> = [
    ['image/png', 'image/png'],
    ['IMAGE/JPEG', 'image/jpeg'],
    ['image/webp; charset=binary', 'image/webp'],
    ['image/jpg', null],
    ['image/gif', null],
    ['image/svg+xml', null],
    ['application/octet-stream', null],
    ['text/plain', null],
    ['', null],
    [undefined, null],
  ];
  for (const [header, expected] of table) {
    it(`${JSON.stringify(header)} → ${expected}`, () => assert.equal(declaredPhotoType(header), expected));
  }
});
