import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a delivery's timestamp may be from the receiver's clock: 5 minutes either way. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * The signature header's value for one attempt: `sha256=` and the hex HMAC-SHA256, keyed with the
 * endpoint's secret, of `<timestamp>.<raw body>`. The timestamp is inside what is signed so that a
 * captured request cannot be sent again later with a fresh timestamp.
 */
export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export type WebhookCheck = { ok: true } | { ok: false; reason: 'malformed' | 'stale' | 'mismatch' };

/**
 * What a receiver does (README.md#webhooks): the timestamp within the tolerance of its own clock,
 * then the signature compared in constant time. `nowSeconds` is the receiver's clock.
 */
export function verifyWebhookSignature(
  secret: string,
  headers: { timestamp: string | undefined; signature: string | undefined },
  body: string,
  nowSeconds: number,
  toleranceSeconds = WEBHOOK_TOLERANCE_SECONDS,
): WebhookCheck {
  const timestamp = Number(headers.timestamp);
  if (!headers.timestamp || !/^\d+$/.test(headers.timestamp) || !headers.signature) {
    return { ok: false, reason: 'malformed' };
  }
  if (Math.abs(nowSeconds - timestamp) > toleranceSeconds) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(webhookSignature(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
    return { ok: false, reason: 'mismatch' };
  }
  return { ok: true };
}
