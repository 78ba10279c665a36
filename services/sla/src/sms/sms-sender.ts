import type { SmsMessageJobData } from '@grid-dispatch/contracts';
import { type Models, type SmsMessageDoc, smsOptOutIds } from '@grid-dispatch/db';
import { phoneKey } from '@grid-dispatch/domain';
import { type Job, UnrecoverableError } from 'bullmq';
import { type SmsProvider, SmsRefused } from './sms-provider';

/**
 * Sends one logged SMS, one BullMQ job each; the job's attempts and exponential backoff are the
 * retries. At send time it reads the number from the ticket again and checks the opt-outs (the
 * report's and the number's), so a resident who opted out after the message was queued is not
 * sent it. Each attempt is counted on the log entry with its error.
 */
export class SmsSender {
  constructor(
    private readonly models: Models,
    private readonly provider: SmsProvider,
  ) {}

  async process(job: Job<SmsMessageJobData>): Promise<void> {
    const messages = this.models.smsMessages;
    const message = await messages.findById(job.data.messageId).lean<SmsMessageDoc>().exec();
    if (message?.status !== 'pending') return;
    const ticket = await this.models.tickets.findById(message.ticketId).select({ contact: 1 }).lean().exec();
    const phone = ticket?.contact?.phone;
    if (!phone) return this.settle(message, { status: 'skipped', lastError: 'no phone number' });
    const optedOut = await this.models.smsOptOuts.exists({
      _id: { $in: smsOptOutIds(message.ticketId, phoneKey(phone)) },
    });
    if (optedOut) return this.settle(message, { status: 'skipped', lastError: 'opted out' });

    const attempts = message.attempts + 1;
    try {
      const { providerMessageId } = await this.provider.send(phone, message.text, message._id);
      await this.settle(message, {
        status: 'sent',
        attempts,
        provider: this.provider.name,
        providerMessageId,
        lastError: null,
        sentAt: new Date(),
      });
    } catch (error) {
      const reason = errorText(error);
      const last = error instanceof SmsRefused || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.settle(message, {
        status: last ? 'failed' : 'pending',
        attempts,
        provider: this.provider.name,
        lastError: reason,
      });
      if (error instanceof SmsRefused) throw new UnrecoverableError(reason);
      throw new Error(reason);
    }
  }

  private async settle(message: SmsMessageDoc, changes: Partial<SmsMessageDoc>): Promise<void> {
    await this.models.smsMessages.updateOne({ _id: message._id, status: 'pending' }, { $set: changes });
  }
}

function errorText(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause?.code;
  return cause ?? (error instanceof Error ? error.message : String(error));
}
