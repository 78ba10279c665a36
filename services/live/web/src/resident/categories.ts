/** A category as GET /api/v1/categories returns it. */
export interface Category {
  code: string;
  name: { zh: string; en: string };
  description?: { zh: string; en: string };
  priority: 'P1' | 'P2' | 'P3' | 'P4';
  ackWithin: string;
  resolveWithin: string;
  calendar?: 'calendar' | 'working';
  active: boolean;
}
