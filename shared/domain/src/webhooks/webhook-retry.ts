/** How a failed webhook delivery is retried: exponential from `baseMs`, each wait capped at `maxMs`. */
export interface WebhookRetrySettings {
  baseMs: number;
  maxMs: number;
  /** Attempts in all, the first included; after the last one fails the delivery is failed. */
  attempts: number;
}

/**
 * The default schedule: waits of 5 s, 10 s, 20 s … doubling up to 1 h, 12 attempts in all. A
 * receiver down for a minute misses four attempts and gets the fifth; one down for about six
 * hours loses nothing either (the waits add up to 5 h 40 min).
 */
export const DEFAULT_WEBHOOK_RETRY: WebhookRetrySettings = { baseMs: 5000, maxMs: 3_600_000, attempts: 12 };

/** The wait after the `failedAttempts`-th failed attempt (1 = after the first). */
export function webhookRetryDelayMs(failedAttempts: number, settings: WebhookRetrySettings): number {
  const exponent = Math.max(0, failedAttempts - 1);
  // 2 ** 40 and beyond only overflow into the cap; stop doubling long before that.
  return Math.min(settings.maxMs, settings.baseMs * 2 ** Math.min(exponent, 40));
}

/** Every wait a delivery may go through, in order (attempts − 1 of them). */
export function webhookRetrySchedule(settings: WebhookRetrySettings): number[] {
  return Array.from({ length: Math.max(0, settings.attempts - 1) }, (_, i) =>
    webhookRetryDelayMs(i + 1, settings),
  );
}

/** Whether a delivery that has failed `failedAttempts` times gets another attempt. */
export function webhookMayRetry(failedAttempts: number, settings: WebhookRetrySettings): boolean {
  return failedAttempts < settings.attempts;
}

/**
 * Whether an endpoint whose consecutive failed deliveries now number `failureStreak` is switched
 * off: it is after `disableAfter` of them (a delivery counts once, after its last attempt).
 */
export function webhookShouldDisable(failureStreak: number, disableAfter: number): boolean {
  return failureStreak >= disableAfter;
}
