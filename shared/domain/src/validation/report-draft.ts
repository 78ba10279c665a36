/**
 * The rules of a resident's report, for the server's check of the body and for the report page,
 * which checks a draft with the same rules before sending (and says what is wrong in the
 * resident's language, next to the field).
 */
export const REPORT_LIMITS = {
  descriptionMin: 5,
  descriptionMax: 2000,
  addressMin: 2,
  addressMax: 300,
  nameMax: 50,
  photosMax: 9,
} as const;

/** China: mobile 1[3-9]xxxxxxxxx (optionally +86), or a landline 0xx(x)-xxxxxxx(x) with optional extension. */
const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
const LANDLINE = /^0\d{2,3}[- ]?\d{7,8}(?:[- ]?\d{1,6})?$/;

export function isChinesePhoneNumber(phone: string): boolean {
  return MOBILE.test(phone) || LANDLINE.test(phone);
}

/** What a resident has filled in so far. */
export interface ReportDraft {
  category: string;
  description: string;
  hasLocation: boolean;
  address: string;
  name: string;
  phone: string;
  photoCount: number;
}

export type DraftRule = 'required' | 'place' | 'tooShort' | 'tooLong' | 'phone' | 'tooMany';

/** One thing wrong with a draft: the body's field path, the rule broken, and its limit if any. */
export interface DraftProblem {
  path: 'location' | 'category' | 'description' | 'address' | 'photos' | 'contact.name' | 'contact.phone';
  rule: DraftRule;
  limit?: number;
}

/** Every problem of a draft, in the order the form shows its fields (place first). */
export function checkReportDraft(d: ReportDraft): DraftProblem[] {
  const problems: DraftProblem[] = [];
  const description = d.description.trim();
  const address = d.address.trim();
  const phone = d.phone.trim();
  const L = REPORT_LIMITS;
  if (!d.hasLocation && address === '') problems.push({ path: 'location', rule: 'place' });
  if (d.category === '') problems.push({ path: 'category', rule: 'required' });
  if (description.length < L.descriptionMin)
    problems.push({ path: 'description', rule: 'tooShort', limit: L.descriptionMin });
  else if (description.length > L.descriptionMax)
    problems.push({ path: 'description', rule: 'tooLong', limit: L.descriptionMax });
  if (address !== '' && address.length < L.addressMin)
    problems.push({ path: 'address', rule: 'tooShort', limit: L.addressMin });
  else if (address.length > L.addressMax)
    problems.push({ path: 'address', rule: 'tooLong', limit: L.addressMax });
  if (d.photoCount > L.photosMax) problems.push({ path: 'photos', rule: 'tooMany', limit: L.photosMax });
  if (d.name.trim().length > L.nameMax)
    problems.push({ path: 'contact.name', rule: 'tooLong', limit: L.nameMax });
  if (phone !== '' && !isChinesePhoneNumber(phone)) problems.push({ path: 'contact.phone', rule: 'phone' });
  return problems;
}
