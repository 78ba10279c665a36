import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The secret that proves "I am the one who reported this" (needed to rate the fix). It is derived
 * from the ticket id with the deployment's secret, so a repeated request with the same
 * Idempotency-Key can answer the very same token without the token ever being stored; only its
 * hash is kept on the ticket, and checks compare hashes.
 */
export function reporterTokenFor(ticketId: string, secret: string): string {
  return createHmac('sha256', secret).update(`reporter-token:${ticketId}`).digest('base64url').slice(0, 32);
}

export function hashReporterToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function reporterTokenMatches(token: string, hash: string): boolean {
  const a = Buffer.from(hashReporterToken(token), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
