import { timingSafeEqual } from 'node:crypto';
import type { z } from '@grid-dispatch/config';
import type { SmsMessageDoc } from '@grid-dispatch/db';
import { isSmsOptOutReply, phoneKey } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { parseBody } from '@grid-dispatch/http';
import { Router } from 'express';
import type { WorkflowConfig } from '../../config';
import type { WorkflowPlatform } from '../../workflow-platform';
import { invalid, queryText } from '../admin/admin.common';
import { smsInboundBody, type smsMessageAnswer } from './sms-bodies';

/** The header the SMS gateway sends its shared secret in (SMS_INBOUND_TOKEN). */
export const SMS_INBOUND_TOKEN_HEADER = 'x-sms-inbound-token';

function tokenMatches(given: unknown, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * POST /api/v1/sms/inbound: the gateway passes on a resident's reply. TD / 退订 / STOP turns every
 * message to that number off (by its phone key, so +86 and spaces do not matter); any other reply
 * is taken and ignored. Only the gateway may call it: without SMS_INBOUND_TOKEN configured the
 * route is off (503), with a wrong or missing header it answers 401.
 */
export function smsInboundRouter(platform: WorkflowPlatform, config: WorkflowConfig): Router {
  const router = Router();
  router.post('/sms/inbound', async (req, res) => {
    const expected = config.SMS_INBOUND_TOKEN;
    if (!expected)
      throw new AppError('NOT_READY', 'Inbound SMS replies are not configured (SMS_INBOUND_TOKEN).');
    if (!tokenMatches(req.get(SMS_INBOUND_TOKEN_HEADER), expected)) {
      throw new AppError('UNAUTHENTICATED', `A valid ${SMS_INBOUND_TOKEN_HEADER} header is required.`);
    }
    const body = parseBody(smsInboundBody, req.body);
    const key = phoneKey(body.from);
    if (key.length < 5) throw invalid('from', 'is not a phone number');
    if (!isSmsOptOutReply(body.text)) {
      res.json({ optedOut: false });
      return;
    }
    await platform.models.smsOptOuts.updateOne(
      { _id: `phone:${key}` },
      { $setOnInsert: { kind: 'phone', via: 'reply' } },
      { upsert: true },
    );
    res.json({ optedOut: true });
  });
  return router;
}

/** GET /api/v1/admin/sms (admins, mounted by the admin router): the message log and opt-out counts. */
export function adminSmsRouter(platform: WorkflowPlatform): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    for (const key of Object.keys(req.query)) {
      if (key !== 'limit') throw invalid(key, 'unknown parameter');
    }
    const limitText = queryText(req.query, 'limit') ?? '50';
    const limit = Number(limitText);
    if (!/^\d+$/.test(limitText) || limit < 1 || limit > 200) {
      throw invalid('limit', 'must be an integer from 1 to 200');
    }
    const [items, phones, reports] = await Promise.all([
      platform.models.smsMessages
        .find({})
        .sort({ createdAt: -1 })
        .limit(limit)
        .lean<SmsMessageDoc[]>()
        .exec(),
      platform.models.smsOptOuts.countDocuments({ kind: 'phone' }),
      platform.models.smsOptOuts.countDocuments({ kind: 'ticket' }),
    ]);
    res.json({ items: items.map(smsMessageView), optOuts: { phones, reports } });
  });
  return router;
}

export function smsMessageView(m: SmsMessageDoc): z.infer<typeof smsMessageAnswer> {
  return {
    id: m._id,
    ticketId: m.ticketId,
    trackingCode: m.trackingCode,
    state: m.state as z.infer<typeof smsMessageAnswer>['state'],
    maskedPhone: m.maskedPhone,
    text: m.text,
    status: m.status,
    attempts: m.attempts,
    provider: m.provider,
    providerMessageId: m.providerMessageId,
    lastError: m.lastError,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt ? m.sentAt.toISOString() : null,
  };
}
