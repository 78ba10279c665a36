import { randomInt } from 'node:crypto';

/**
 * Crockford's base-32 alphabet: no I, L, O or U, so a code read aloud over the phone cannot be
 * mistaken ("one" or "el", "zero" or "oh"). 12 symbols carry 60 random bits: unguessable.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 12;

/** A new tracking code, grouped for reading aloud: `K7QM-2X9P-DR4T`. */
export function newTrackingCode(): string {
  let raw = '';
  for (let i = 0; i < LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/**
 * The canonical form of a code as a person may type it: any case, with or without dashes or
 * spaces, O for 0 and I or L for 1. Returns null when it cannot be a tracking code.
 */
export function normalizeTrackingCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (raw.length !== LENGTH || ![...raw].every((c) => ALPHABET.includes(c))) return null;
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}
