import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { verifyWebhookSignature, webhookSignature } from '@grid-dispatch/sla/dist/webhooks/webhook-signature';

describe('sla/webhooks signature', () => {
  const secret = 'whsec_test';
  const body = '{"id":"e1","type":"ticket.accepted"}';
  const at = 1_764_489_600;

  it('is sha256= and the hex HMAC of "<timestamp>.<raw body>"', () => {
    const expected = createHmac('sha256', secret).update(`${at}.${body}`).digest('hex');
    assert.equal(webhookSignature(secret, at, body), `sha256=${expected}`);
  });

  it('verifies within the tolerance and refuses a changed body, another secret or a stale timestamp', () => {
    const headers = { timestamp: String(at), signature: webhookSignature(secret, at, body) };
    assert.deepEqual(verifyWebhookSignature(secret, headers, body, at + 299), { ok: true });
    assert.deepEqual(verifyWebhookSignature(secret, headers, `${body} `, at), {
      ok: false,
      reason: 'mismatch',
    });
    assert.deepEqual(verifyWebhookSignature('whsec_other', headers, body, at), {
      ok: false,
      reason: 'mismatch',
    });
    assert.deepEqual(verifyWebhookSignature(secret, headers, body, at + 301), { ok: false, reason: 'stale' });
    assert.deepEqual(verifyWebhookSignature(secret, headers, body, at - 301), { ok: false, reason: 'stale' });
  });

  it('refuses missing or malformed headers', () => {
    const signature = webhookSignature(secret, at, body);
    assert.equal(verifyWebhookSignature(secret, { timestamp: undefined, signature }, body, at).ok, false);
    assert.equal(verifyWebhookSignature(secret, { timestamp: '12e3', signature }, body, at).ok, false);
    assert.equal(
      verifyWebhookSignature(secret, { timestamp: String(at), signature: undefined }, body, at).ok,
      false,
    );
    assert.equal(
      verifyWebhookSignature(secret, { timestamp: String(at), signature: 'sha256=00' }, body, at).ok,
      false,
    );
  });
});
