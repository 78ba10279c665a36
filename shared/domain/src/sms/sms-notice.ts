/** The states a resident is told of by SMS, one message each. */
export const SMS_STATES = ['dispatched', 'resolved', 'closed'] as const;
export type SmsState = (typeof SMS_STATES)[number];

/** What decides one message: the event and what the ticket looked like after it. */
export interface SmsSourceEvent {
  type: string;
  ticketId: string;
  ticketVersion: number;
  ticket: { trackingCode: string; status: string };
}

/** What the message needs beyond the event: public names only, never a person's. */
export interface SmsTextContext {
  /** The unit's public (Chinese) name, for the dispatch message. */
  unitName: string | null;
  /** Where the resident pages are served, without a trailing slash (https://grid.example.org). */
  publicBaseUrl: string;
}

export interface SmsNotice {
  state: SmsState;
  /**
   * What makes the message one of a kind for its ticket: `dispatched` and `closed` once per ticket;
   * `resolved.<ticket version>` once per fix, so a ticket reopened and fixed again is told about
   * the new fix, while a redelivered event (same version) is not told twice.
   */
  key: string;
}

/** The longest message: two SMS segments of 70 Chinese characters each. */
export const SMS_MAX_LENGTH = 140;

/**
 * The state an event brings the resident news of. A ticket closes when a secretary verifies the
 * fix as solved (`ticket.verified` leaving it closed), or with the ticket it was merged into
 * (`ticket.closed`); a failed verification sends it back to the unit and tells the resident nothing.
 */
function stateOf(event: SmsSourceEvent): SmsState | null {
  if (event.type === 'ticket.dispatched') return 'dispatched';
  if (event.type === 'ticket.resolved') return 'resolved';
  if (event.type === 'ticket.closed') return 'closed';
  if (event.type === 'ticket.verified' && event.ticket.status === 'closed') return 'closed';
  return null;
}

/**
 * Which message, if any, a ticket event sends. Only the first dispatch is told (a reassignment
 * or a dispatch after a reopen is staff business), every fix, and the closing.
 */
export function smsNoticeFor(event: SmsSourceEvent): SmsNotice | null {
  const state = stateOf(event);
  if (!state) return null;
  return { state, key: state === 'resolved' ? `resolved.${event.ticketVersion}` : state };
}

/** The link to the tracking page of one report. */
export function trackingLink(publicBaseUrl: string, trackingCode: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}/#/track/${trackingCode}`;
}

/**
 * The message text, in Chinese (the district's language), naming the report by its tracking code
 * and never a person: no staff member, no reporter. A unit is named by its public name only. The
 * opt-out hint is in every message, as carriers require for notices.
 */
export function smsText(state: SmsState, trackingCode: string, context: SmsTextContext): string {
  const head = `【网格办】您的报事${trackingCode}`;
  const tail = '回复TD退订';
  switch (state) {
    case 'dispatched':
      return `${head}已派至${context.unitName ?? '责任单位'}处理。${tail}`;
    case 'resolved':
      return `${head}已处置，请查看并评价：${trackingLink(context.publicBaseUrl, trackingCode)} ${tail}`;
    case 'closed':
      return `${head}已办结，感谢您的参与。${tail}`;
  }
}

/** SMS segments a text takes: 70 characters for one, 67 each when it is split (UCS-2). */
export function smsSegments(text: string): number {
  const length = [...text].length;
  return length <= 70 ? 1 : Math.ceil(length / 67);
}
