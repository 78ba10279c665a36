/**
 * A phone number as the store looks it up: digits only, a mobile without its +86 country code. So
 * "138 0013 8000", "+86-13800138000" and "13800138000" are one caller, and a landline keeps its
 * area code ("0411-8281 3456" → "041182813456"). The input is a number the report's own check has
 * already accepted (a Chinese mobile or landline).
 */
export function phoneKey(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const mobile = /^(?:86)?(1[3-9]\d{9})$/.exec(digits);
  return mobile ? mobile[1]! : digits;
}
