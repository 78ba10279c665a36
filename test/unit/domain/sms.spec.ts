import assert from 'node:assert/strict';
import {
  isSmsOptOutReply,
  maskPhone,
  SMS_MAX_LENGTH,
  smsNoticeFor,
  smsSegments,
  smsText,
  trackingLink,
} from '@grid-dispatch/domain';

const event = (type: string, ticketVersion = 2, status = 'dispatched') => ({
  type,
  ticketId: 't1',
  ticketVersion,
  ticket: { trackingCode: 'K7QM-2X9P-DR4T', status },
});
const context = { unitName: '市政工程公司', publicBaseUrl: 'https://grid.example.org/' };

describe('domain: resident SMS', () => {
  it('tells the dispatch, each fix and the closing, nothing else', () => {
    assert.deepEqual(smsNoticeFor(event('ticket.dispatched')), { state: 'dispatched', key: 'dispatched' });
    assert.deepEqual(smsNoticeFor(event('ticket.resolved', 5)), { state: 'resolved', key: 'resolved.5' });
    assert.deepEqual(smsNoticeFor(event('ticket.closed', 9)), { state: 'closed', key: 'closed' });
    assert.deepEqual(smsNoticeFor(event('ticket.verified', 9, 'closed')), { state: 'closed', key: 'closed' });
    assert.equal(smsNoticeFor(event('ticket.verification_failed', 9, 'accepted')), null);
    for (const type of ['ticket.submitted', 'ticket.accepted', 'ticket.reassigned', 'ticket.reopened']) {
      assert.equal(smsNoticeFor(event(type)), null, type);
    }
  });

  it('keys a redispatch with the first dispatch (told once) and a new fix apart from the old one', () => {
    assert.equal(
      smsNoticeFor(event('ticket.dispatched', 2))!.key,
      smsNoticeFor(event('ticket.dispatched', 8))!.key,
    );
    assert.notEqual(
      smsNoticeFor(event('ticket.resolved', 4))!.key,
      smsNoticeFor(event('ticket.resolved', 7))!.key,
    );
  });

  it('writes Chinese texts with the tracking code, the unit’s public name and the link', () => {
    const dispatched = smsText('dispatched', 'K7QM-2X9P-DR4T', context);
    assert.match(dispatched, /K7QM-2X9P-DR4T/);
    assert.match(dispatched, /市政工程公司/);
    const resolved = smsText('resolved', 'K7QM-2X9P-DR4T', context);
    assert.ok(resolved.includes('https://grid.example.org/#/track/K7QM-2X9P-DR4T'), resolved);
    assert.match(smsText('closed', 'K7QM-2X9P-DR4T', context), /办结/);
    assert.match(smsText('dispatched', 'K7QM-2X9P-DR4T', { ...context, unitName: null }), /责任单位/);
  });

  it('keeps every text within two segments and says how to opt out', () => {
    const long = {
      unitName: '某某某某某某某某某某某某某某某某某某某某',
      publicBaseUrl: 'https://grid-dispatch.zhongshan.example.gov.cn',
    };
    for (const state of ['dispatched', 'resolved', 'closed'] as const) {
      const text = smsText(state, 'K7QM-2X9P-DR4T', long);
      assert.ok([...text].length <= SMS_MAX_LENGTH, `${state}: ${text.length}`);
      assert.ok(smsSegments(text) <= 2, state);
      assert.match(text, /回复TD退订/);
    }
    assert.equal(smsSegments('短'.repeat(70)), 1);
    assert.equal(smsSegments('长'.repeat(71)), 2);
  });

  it('builds the tracking link whatever the base URL’s trailing slash', () => {
    assert.equal(trackingLink('http://x:8080', 'A'), 'http://x:8080/#/track/A');
    assert.equal(trackingLink('http://x:8080/', 'A'), 'http://x:8080/#/track/A');
  });

  it('reads TD, 退订 and STOP as opt-out in any case, trimmed, and nothing else', () => {
    for (const reply of ['TD', ' td ', '退订', 'Stop', 'STOP\n']) assert.ok(isSmsOptOutReply(reply), reply);
    for (const reply of ['', 'thanks', 'TD please', '不退订']) assert.ok(!isSmsOptOutReply(reply), reply);
  });

  it('masks a phone number to its first three and last four digits', () => {
    assert.equal(maskPhone('13800138000'), '138****8000');
    assert.equal(maskPhone('+86 138 0013 8000'), '138****8000');
    assert.equal(maskPhone('0411-8281 3456'), '****3456');
    assert.equal(maskPhone('12'), '****');
  });
});
