import { randomUUID } from 'node:crypto';
import type { SlaConfig } from '../config';

/** Sends one SMS; throws `SmsRefused` or any error when it did not. */
export interface SmsProvider {
  readonly name: string;
  send(to: string, text: string, reference: string): Promise<{ providerMessageId: string }>;
}

/**
 * The gateway refused the message for good (a 4xx other than 408 and 429: a bad number, a
 * rejected text, our token refused): trying again would only be refused again.
 */
export class SmsRefused extends Error {}

/**
 * The deployment's SMS gateway over HTTP: POST `{to, text, reference}` as JSON with the token as a
 * bearer token; a 2xx is sent (its JSON `id` or `messageId`, if any, is the provider's id), a 5xx,
 * 408, 429, a timeout or no answer is worth a retry. `reference` is the message's own id, the same
 * on every attempt, so a gateway that keeps it can drop a repeat.
 */
export class HttpSmsProvider implements SmsProvider {
  readonly name = 'http';
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs: number,
  ) {}

  async send(to: string, text: string, reference: string): Promise<{ providerMessageId: string }> {
    const response = await fetch(this.url, {
      method: 'POST',
      redirect: 'manual',
      signal: AbortSignal.timeout(this.timeoutMs),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'grid-dispatch-sms',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ to, text, reference }),
    });
    const answer = await response.text().catch(() => '');
    if (response.status >= 200 && response.status < 300) {
      return { providerMessageId: idIn(answer) ?? reference };
    }
    const permanent =
      response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429;
    const message = `HTTP ${response.status}`;
    throw permanent ? new SmsRefused(message) : new Error(message);
  }
}

function idIn(answer: string): string | null {
  try {
    const body = JSON.parse(answer) as { id?: unknown; messageId?: unknown };
    const id = body.id ?? body.messageId;
    return typeof id === 'string' || typeof id === 'number' ? String(id) : null;
  } catch {
    return null;
  }
}

/**
 * Development: sends nothing. The message log (shown on the admin page's SMS tab) is the record
 * of what would have gone out.
 */
export class DevSmsProvider implements SmsProvider {
  readonly name = 'dev';
  async send(): Promise<{ providerMessageId: string }> {
    return { providerMessageId: `dev-${randomUUID()}` };
  }
}

export function smsProviderFrom(config: SlaConfig): SmsProvider {
  if (config.SMS_PROVIDER === 'dev') return new DevSmsProvider();
  if (!config.SMS_HTTP_URL) throw new Error('SMS_PROVIDER=http needs SMS_HTTP_URL (the gateway’s URL)');
  return new HttpSmsProvider(config.SMS_HTTP_URL, config.SMS_HTTP_TOKEN, config.SMS_HTTP_TIMEOUT);
}
