import type { Platform } from '@grid-dispatch/runtime';

/**
 * A category with limits of seconds, routed to municipal works district-wide, so timer tests
 * watch reminders, breaches and escalation happen in real time on the real servers.
 */
export async function addFastCategory(
  platform: Platform,
  code: string,
  ackWithin: string,
  resolveWithin = 'PT3S',
): Promise<void> {
  await platform.models.categories.create({
    _id: code,
    name: { zh: '测试快速类别', en: 'Fast test category' },
    description: { zh: '仅用于测试', en: 'tests only' },
    priority: 'P1',
    ackWithin,
    resolveWithin,
    calendar: 'calendar',
    active: true,
  });
  await platform.models.responsibilities.create({
    _id: `${code}@zhongshan`,
    category: code,
    areaId: 'zhongshan',
    leadUnitId: 'municipal',
    assistUnitIds: [],
  });
  // As the admin API does: caches of reference data reload for the next report.
  await platform.referenceStamp.bump();
}
