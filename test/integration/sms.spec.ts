import assert from 'node:assert/strict';
import { eventually, login, request } from '../support/http-client';
import { HttpReceiver, type Received } from '../support/http-receiver';
import { fileAndDispatch, fileReport, ticketWhen } from '../support/reports';
import { startTestSystem, type TestSystem } from '../support/test-system';

type SmsBody = { to: string; text: string; reference: string };

/** A fake SMS gateway on loopback: answers 200 with a message id, or what `answer` says. */
class FakeGateway extends HttpReceiver<SmsBody> {
  constructor() {
    super();
    this.reply = (status, count) => (status === 200 ? JSON.stringify({ id: `gw-${count}` }) : '{}');
  }

  /** The messages the gateway took (answered 200) for one report, in arrival order. */
  sentFor(trackingCode: string): Received<SmsBody>[] {
    return this.received.filter((r) => r.status === 200 && r.body.text.includes(trackingCode));
  }
}

const GATEWAY_TOKEN = 'gateway-test-token';
const INBOUND_TOKEN = 'inbound-test-token-0123456789';
/** A number the fake gateway refuses for good (400). */
const REFUSED_PHONE = '13912340006';

/**
 * Resident SMS on a running system with a fake gateway on 127.0.0.1 (SMS_PROVIDER=http): one
 * message at dispatch, at the fix (with the tracking link) and at closing; none without a phone;
 * retried through 500s and sent once; opt-out on the tracking page and by replying TD; never a
 * staff identity. Retries are shortened (0.2 s doubling).
 */
describe('Resident SMS', function () {
  this.timeout(240000);
  let system: TestSystem;
  let member: string;
  let secretary: string;
  const gateway = new FakeGateway();
  /** Failures still to answer per phone number. */
  const failuresLeft = new Map<string, number>();

  before(async () => {
    await gateway.open();
    gateway.answer = (_path, body) => {
      if (body.to === REFUSED_PHONE) return 400;
      const left = failuresLeft.get(body.to) ?? 0;
      if (left > 0) {
        failuresLeft.set(body.to, left - 1);
        return 500;
      }
      return 200;
    };
    system = await startTestSystem({
      SMS_PROVIDER: 'http',
      SMS_HTTP_URL: `http://127.0.0.1:${gateway.port}/send`,
      SMS_HTTP_TOKEN: GATEWAY_TOKEN,
      SMS_RETRY_BASE: 'PT0.2S',
      SMS_ATTEMPTS: '5',
      SMS_INBOUND_TOKEN: INBOUND_TOKEN,
      PUBLIC_BASE_URL: 'https://grid.example.org',
    });
    member = await login(system.url, 'municipal.member', 'demo-test-password');
    secretary = await login(system.url, 'chunhai.secretary', 'demo-test-password');
  });
  after(async () => {
    await system?.destroy();
    await gateway.close();
  });

  const act = async (ticketId: string, action: string, body: object = {}) => {
    const res = await request(system.url, 'POST', `/api/v1/tickets/${ticketId}/${action}`, {
      token: member,
      body,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };
  const closeTicket = async (ticketId: string) => {
    await act(ticketId, 'accept');
    await act(ticketId, 'resolve', { note: 'filled by 张师傅' });
    const verified = await request(system.url, 'POST', `/api/v1/tickets/${ticketId}/verify`, {
      token: secretary,
      body: { solved: true },
    });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
  };
  /**
   * Waits until the `sms` consumer group has taken every ticket event up to this ticket's last:
   * the ticket's outbox is on Kafka, and the group's committed offsets reach the ends the topic
   * had then. A check that a ticket sent nothing is made after this, not after a pause.
   */
  const smsGroupPast = async (ticketId: string) => {
    await ticketWhen(system, ticketId, (t) => !t.outboxPending);
    const topic = `${system.config.TOPIC_PREFIX}ticket-events`;
    const admin = system.platform.kafka.admin();
    await admin.connect();
    try {
      const ends = await admin.fetchTopicOffsets(topic);
      await eventually(async () => {
        const [committed] = await admin.fetchOffsets({
          groupId: `${system.config.TOPIC_PREFIX}sms`,
          topics: [topic],
        });
        const at = (p: number) => Number(committed?.partitions.find((c) => c.partition === p)?.offset ?? -1);
        // A partition with nothing on it has nothing to take (and may have no offset committed).
        const taken = (e: { partition: number; high: string; low: string }) =>
          e.high === e.low || at(e.partition) >= Number(e.high);
        return ends.every(taken) ? true : undefined;
      }, 30000);
    } finally {
      await admin.disconnect();
    }
  };
  const messagesFor = async (trackingCode: string, count: number) =>
    eventually(async () => {
      const sent = gateway.sentFor(trackingCode);
      return sent.length >= count ? sent : undefined;
    }, 30000);

  it('tells a resident with a phone once at dispatch, at the fix with the link, and at closing', async () => {
    const phone = '13912340001';
    const { ticketId, trackingCode } = await fileAndDispatch(system, { contact: { phone, name: '王小明' } });
    const [dispatched] = await messagesFor(trackingCode, 1);
    assert.equal(dispatched!.body.to, phone);
    assert.equal(dispatched!.headers.authorization, `Bearer ${GATEWAY_TOKEN}`);
    assert.match(dispatched!.body.text, /已派至/);
    await closeTicket(ticketId);
    const all = await messagesFor(trackingCode, 3);
    assert.match(all[1]!.body.text, /已处置/);
    assert.ok(
      all[1]!.body.text.includes(`https://grid.example.org/#/track/${trackingCode}`),
      all[1]!.body.text,
    );
    assert.match(all[2]!.body.text, /已办结/);
    for (const sms of all) {
      assert.ok(!sms.body.text.includes('王小明'), 'never the reporter’s own name');
      assert.ok(!/张师傅|municipal\.member|chunhai\.secretary/.test(sms.body.text), 'no staff identity');
      assert.ok([...sms.body.text].length <= 140, sms.body.text);
    }
    // Exactly one per state: a later report's dispatch message is the marker that all are in.
    const marker = await fileAndDispatch(system, { contact: { phone: '13912340099' } });
    await messagesFor(marker.trackingCode, 1);
    assert.equal(gateway.sentFor(trackingCode).length, 3);
    assert.deepEqual(
      new Set(gateway.sentFor(trackingCode).map((s) => s.body.reference)).size,
      3,
      'three different messages',
    );
  });

  it('sends nothing for a report without a phone number', async () => {
    const { ticketId, trackingCode } = await fileAndDispatch(system, { description: 'no phone given' });
    await closeTicket(ticketId);
    await ticketWhen(system, ticketId, (t) => t.status === 'closed');
    await smsGroupPast(ticketId);
    assert.equal(
      gateway.received.filter((r) => r.body.text.includes(trackingCode)).length,
      0,
      'nothing reached the gateway',
    );
  });

  it('retries after the gateway fails with 500 twice and delivers once', async () => {
    const phone = '13912340002';
    failuresLeft.set(phone, 2);
    const { trackingCode } = await fileAndDispatch(system, { contact: { phone } });
    await messagesFor(trackingCode, 1);
    const tries = gateway.received.filter((r) => r.body.to === phone).map((r) => r.status);
    assert.deepEqual(tries, [500, 500, 200]);
    const admin = await login(system.url, 'admin', 'admin-test-password');
    const log = await eventually(async () => {
      const res = await request(system.url, 'GET', '/api/v1/admin/sms', { token: admin });
      const entry = res.body.items.find((m: any) => m.trackingCode === trackingCode);
      return entry?.status === 'sent' ? entry : undefined;
    }, 15000);
    assert.equal(log.attempts, 3);
    assert.equal(log.maskedPhone, '139****0002');
    assert.equal(log.provider, 'http');
    assert.match(log.providerMessageId, /^gw-/);
  });

  it('gives up at once when the gateway refuses a message with a 4xx', async () => {
    const { trackingCode } = await fileAndDispatch(system, { contact: { phone: REFUSED_PHONE } });
    const admin = await login(system.url, 'admin', 'admin-test-password');
    const log = await eventually(async () => {
      const res = await request(system.url, 'GET', '/api/v1/admin/sms', { token: admin });
      const entry = res.body.items.find((m: any) => m.trackingCode === trackingCode);
      return entry?.status === 'failed' ? entry : undefined;
    }, 15000);
    assert.equal(log.attempts, 1);
    assert.equal(log.lastError, 'HTTP 400');
    assert.deepEqual(
      gateway.received.filter((r) => r.body.to === REFUSED_PHONE).map((r) => r.status),
      [400],
    );
  });

  it('stops the next messages once the reporter opts out on the tracking page', async () => {
    const phone = '13912340003';
    const filed = await fileReport(system.url, { contact: { phone } });
    await ticketWhen(system, filed.ticketId);
    await messagesFor(filed.trackingCode, 1);
    const wrong = await request(system.url, 'POST', `/api/v1/reports/${filed.trackingCode}/sms-opt-out`, {
      body: { contactPhone: '13900000000' },
    });
    assert.equal(wrong.status, 403, JSON.stringify(wrong.body));
    assert.equal(wrong.body.error.fields[0].path, 'contactPhone');
    const empty = await request(system.url, 'POST', `/api/v1/reports/${filed.trackingCode}/sms-opt-out`, {
      body: {},
    });
    assert.equal(empty.status, 422, JSON.stringify(empty.body));
    const off = await request(system.url, 'POST', `/api/v1/reports/${filed.trackingCode}/sms-opt-out`, {
      body: { reporterToken: filed.reporterToken },
    });
    assert.equal(off.status, 200, JSON.stringify(off.body));
    assert.equal(off.body.smsOptedOut, true);
    await closeTicket(filed.ticketId);
    // The same number's other report is still told: its dispatch is the marker.
    const other = await fileAndDispatch(system, { contact: { phone } });
    await messagesFor(other.trackingCode, 1);
    await ticketWhen(system, filed.ticketId, (t) => t.status === 'closed');
    const admin = await login(system.url, 'admin', 'admin-test-password');
    await eventually(async () => {
      const res = await request(system.url, 'GET', '/api/v1/admin/sms', { token: admin });
      const skipped = res.body.items.filter(
        (m: any) => m.trackingCode === filed.trackingCode && m.status === 'skipped',
      );
      return skipped.length === 2 ? true : undefined;
    }, 15000);
    assert.equal(gateway.sentFor(filed.trackingCode).length, 1, 'only the dispatch, before the opt-out');
  });

  it('opts a number out of every message when it replies TD', async () => {
    const phone = '13912340004';
    const first = await fileAndDispatch(system, { contact: { phone } });
    await messagesFor(first.trackingCode, 1);
    const unauthenticated = await request(system.url, 'POST', '/api/v1/sms/inbound', {
      body: { from: `+86${phone}`, text: ' td ' },
    });
    assert.equal(unauthenticated.status, 401, JSON.stringify(unauthenticated.body));
    const chat = await request(system.url, 'POST', '/api/v1/sms/inbound', {
      headers: { 'x-sms-inbound-token': INBOUND_TOKEN },
      body: { from: `+86${phone}`, text: 'thank you' },
    });
    assert.equal(chat.status, 200, JSON.stringify(chat.body));
    assert.equal(chat.body.optedOut, false);
    const reply = await request(system.url, 'POST', '/api/v1/sms/inbound', {
      headers: { 'x-sms-inbound-token': INBOUND_TOKEN },
      body: { from: `+86 ${phone}`, text: ' td ' },
    });
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.body.optedOut, true);
    await closeTicket(first.ticketId);
    const second = await fileAndDispatch(system, { contact: { phone } });
    const marker = await fileAndDispatch(system, { contact: { phone: '13912340097' } });
    await messagesFor(marker.trackingCode, 1);
    await ticketWhen(system, first.ticketId, (t) => t.status === 'closed');
    const admin = await login(system.url, 'admin', 'admin-test-password');
    const list = await eventually(async () => {
      const res = await request(system.url, 'GET', '/api/v1/admin/sms', { token: admin });
      const skipped = res.body.items.filter(
        (m: any) =>
          (m.trackingCode === first.trackingCode || m.trackingCode === second.trackingCode) &&
          m.status === 'skipped',
      );
      return skipped.length === 3 ? res.body : undefined;
    }, 15000);
    assert.equal(gateway.sentFor(first.trackingCode).length, 1);
    assert.equal(gateway.sentFor(second.trackingCode).length, 0);
    assert.ok(list.optOuts.phones >= 1);
    assert.ok(list.optOuts.reports >= 1);
  });
});

/** The development provider: nothing leaves the machine; the admin API shows what would have. */
describe('Resident SMS with the development provider', function () {
  this.timeout(120000);
  let system: TestSystem;

  before(async () => {
    system = await startTestSystem({ SMS_PROVIDER: 'dev' });
  });
  after(async () => {
    await system?.destroy();
  });

  it('records the message for the admin page', async () => {
    const { trackingCode } = await fileAndDispatch(system, { contact: { phone: '13912340005' } });
    const admin = await login(system.url, 'admin', 'admin-test-password');
    const entry = await eventually(async () => {
      const res = await request(system.url, 'GET', '/api/v1/admin/sms', { token: admin });
      return res.body.items.find((m: any) => m.trackingCode === trackingCode && m.status === 'sent');
    }, 30000);
    assert.equal(entry.provider, 'dev');
    assert.equal(entry.state, 'dispatched');
    assert.equal(entry.maskedPhone, '139****0005');
    assert.ok(!JSON.stringify(entry).includes('13912340005'), 'the number only masked');
    const member = await login(system.url, 'municipal.member', 'demo-test-password');
    const forbidden = await request(system.url, 'GET', '/api/v1/admin/sms', { token: member });
    assert.equal(forbidden.status, 404);
    const badLimit = await request(system.url, 'GET', '/api/v1/admin/sms?limit=0', { token: admin });
    assert.equal(badLimit.status, 422);
    assert.equal(badLimit.body.error.fields[0].path, 'limit');
  });
});
