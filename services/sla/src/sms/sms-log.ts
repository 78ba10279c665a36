import type { EventEnvelope, SmsMessageJobData } from '@grid-dispatch/contracts';
import { isDuplicateKeyError, type Models, type SmsMessageDoc } from '@grid-dispatch/db';
import { maskPhone, smsNoticeFor, smsText } from '@grid-dispatch/domain';
import { type ReferenceStamp, StampedCache } from '@grid-dispatch/redis';
import type { Queue } from 'bullmq';

/** Each unit's name in Chinese, as the message names it, by unit id. */
export type UnitNames = Map<string, string>;

/** The units' names, read once per change of reference data (the stamp moves) instead of per message. */
export function unitNameCache(models: Models, stamp: ReferenceStamp): StampedCache<UnitNames> {
  return new StampedCache(stamp, async () => {
    const units = await models.units.find({}).select({ name: 1 }).lean().exec();
    return new Map(units.map((u) => [u._id, u.name.zh]));
  });
}

/**
 * Logs the SMS a ticket event sends, if any, and queues its sending. The number comes from the
 * ticket (events carry no personal data); a report filed without one gets no message. The job id
 * is the message id, so a redelivered event neither logs nor sends twice.
 */
export async function logSmsMessage(
  models: Models,
  queue: Queue<SmsMessageJobData>,
  envelope: EventEnvelope,
  publicBaseUrl: string,
  unitNames: StampedCache<UnitNames>,
): Promise<SmsMessageDoc | null> {
  const notice = smsNoticeFor(envelope);
  if (!notice) return null;
  const ticket = await models.tickets
    .findById(envelope.ticketId)
    .select({ contact: 1, unitId: 1 })
    .lean()
    .exec();
  const phone = ticket?.contact?.phone;
  if (!phone) return null;
  const unitId = envelope.ticket.unitId;
  const unitName = unitId ? ((await unitNames.get()).get(unitId) ?? null) : null;
  const trackingCode = envelope.ticket.trackingCode;
  const message = {
    _id: `${envelope.ticketId}.${notice.key}`,
    ticketId: envelope.ticketId,
    trackingCode,
    state: notice.state,
    maskedPhone: maskPhone(phone),
    text: smsText(notice.state, trackingCode, { unitName, publicBaseUrl }),
    status: 'pending' as const,
  };
  let logged: SmsMessageDoc | null = null;
  try {
    logged = (await models.smsMessages.create(message)).toObject();
  } catch (error) {
    // A redelivered event: logged already; queue it again in case the job was never added.
    if (!isDuplicateKeyError(error)) throw error;
  }
  await queue.add('sms', { messageId: message._id }, { jobId: message._id });
  return logged;
}

/**
 * Deletes settled messages older than `keepMs`: FerretDB has no TTL indexes, so the sla service
 * calls this periodically. A message still pending is kept for its job.
 */
export async function pruneSmsLog(models: Models, keepMs: number, now = Date.now()): Promise<number> {
  const result = await models.smsMessages.deleteMany({
    createdAt: { $lt: new Date(now - keepMs) },
    status: { $ne: 'pending' },
  });
  return result.deletedCount;
}
