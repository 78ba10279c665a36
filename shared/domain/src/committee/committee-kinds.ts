/**
 * The vocabulary of a joint committee's supply-and-demand lists: what residents need, what member
 * units offer, and where a need or a project stands. Stored values: add, never rename.
 */

export const NEED_KINDS = [
  'elderly_care',
  'childcare',
  'study',
  'sports',
  'environment',
  'safety',
  'culture',
  'other',
] as const;
export type NeedKind = (typeof NEED_KINDS)[number];

export const NEED_KIND_LABELS: Record<NeedKind, { zh: string; en: string }> = {
  elderly_care: { zh: '养老', en: 'Elderly care' },
  childcare: { zh: '托育', en: 'Childcare' },
  study: { zh: '学习', en: 'Study' },
  sports: { zh: '体育', en: 'Sports' },
  environment: { zh: '环境', en: 'Environment' },
  safety: { zh: '安全', en: 'Safety' },
  culture: { zh: '文化', en: 'Culture' },
  other: { zh: '其他', en: 'Other' },
};

/**
 * open: waiting for triage; accepted: the committee will look for resources; declined: not taken
 * up (the reason is public); merged: the same as another need; served: a delivered project met it.
 */
export const NEED_STATUSES = ['open', 'accepted', 'declined', 'merged', 'served'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const RESOURCE_KINDS = ['venue', 'volunteers', 'funds', 'service', 'equipment'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const PROJECT_STATUSES = ['proposed', 'approved', 'in_progress', 'delivered', 'evaluated'] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export function isNeedKind(value: unknown): value is NeedKind {
  return typeof value === 'string' && (NEED_KINDS as readonly string[]).includes(value);
}
