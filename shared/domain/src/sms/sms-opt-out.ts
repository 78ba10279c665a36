/** Replies that turn every message to the sender's number off: TD, 退订 or STOP, any case. */
const OPT_OUT_REPLIES = new Set(['td', '退订', 'stop']);

/** Whether a resident's reply asks for no more messages (surrounding spaces ignored). */
export function isSmsOptOutReply(text: string): boolean {
  return OPT_OUT_REPLIES.has(text.trim().toLowerCase());
}
