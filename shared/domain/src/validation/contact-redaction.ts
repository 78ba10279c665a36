/**
 * Takes what reads as contact details out of a resident's free text before it is shown to anyone
 * through Open311 or in an export: email addresses and phone-like runs of seven or more digits (mobile and
 * landline numbers, identity card numbers), with or without spaces, dashes, dots or a leading +.
 * Names cannot be told apart from other words and are not caught.
 */
const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g;
const DIGIT_RUN = /\+?\d(?:[\s.\-()]*\d){6,}[Xx]?/g;

export const REDACTED_EMAIL = '[email removed]';
export const REDACTED_NUMBER = '[number removed]';

export function redactContactDetails(text: string): string {
  return text.replace(EMAIL, REDACTED_EMAIL).replace(DIGIT_RUN, REDACTED_NUMBER);
}
