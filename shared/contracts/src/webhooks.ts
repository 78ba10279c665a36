/**
 * The headers of every webhook delivery. A receiver checks the signature over
 * `<timestamp>.<raw body>` with its endpoint's secret, refuses a timestamp too far from its clock
 * (a replayed request), and drops an event id it has already taken (a retried delivery).
 */
export const WEBHOOK_HEADERS = {
  /** Unix time in seconds when this attempt was signed. */
  timestamp: 'x-grid-dispatch-timestamp',
  /** `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" keyed with the endpoint's secret>`. */
  signature: 'x-grid-dispatch-signature',
  /** The ticket event's id: the same on every attempt and replay of one delivery. */
  eventId: 'x-grid-dispatch-event-id',
  /** The event type, so a receiver can route before parsing the body. */
  eventType: 'x-grid-dispatch-event-type',
} as const;
