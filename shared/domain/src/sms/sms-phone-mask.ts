/**
 * A phone number as logs and the admin page show it: the first three and last four digits of a
 * mobile (138****8000), the last four of anything else; enough to tell messages apart, not to call.
 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '****';
  const mobile = /^(?:86)?(1\d{10})$/.exec(digits);
  if (mobile) return `${mobile[1]!.slice(0, 3)}****${mobile[1]!.slice(7)}`;
  return `****${digits.slice(-4)}`;
}
