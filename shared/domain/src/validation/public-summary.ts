import { REDACTED_EMAIL, REDACTED_NUMBER, redactContactDetails } from './contact-redaction';

/** Characters of a report's description shown to other residents near it. */
export const PUBLIC_SUMMARY_LENGTH = 60;

/**
 * A report's description as other residents nearby may read it, to recognise the same problem:
 * phone numbers and email addresses replaced by "***" (read the same in every language),
 * whitespace collapsed, cut to {@link PUBLIC_SUMMARY_LENGTH} characters (whole code points, never
 * half an emoji) with "…".
 */
export function publicSummary(description: string): string {
  const text = redactContactDetails(description)
    .replaceAll(REDACTED_NUMBER, '***')
    .replaceAll(REDACTED_EMAIL, '***')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length <= PUBLIC_SUMMARY_LENGTH
    ? text
    : `${chars.slice(0, PUBLIC_SUMMARY_LENGTH - 1).join('')}…`;
}
