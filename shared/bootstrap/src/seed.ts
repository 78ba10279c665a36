import { boundaryJson, type Models } from '@grid-dispatch/db';
import { defaultCalendarDefinition } from '@grid-dispatch/domain';
import type { Logger } from '@grid-dispatch/logger';
import bcrypt from 'bcryptjs';
import { DEMO_DISTRICT_ID, demoAreas } from './demo-areas';
import {
  DEMO_CATEGORIES,
  DEMO_DUTY_DESK_UNIT_ID,
  DEMO_RESPONSIBILITIES,
  DEMO_UNITS,
  DEMO_USERS,
} from './demo-reference';

/**
 * Creates user `admin` on first start (README.md#the-api). An existing admin keeps its password: the
 * environment only sets the first one.
 */
export async function ensureAdmin(models: Models, password: string): Promise<boolean> {
  if (await models.users.exists({ username: 'admin' })) return false;
  await models.users.create({
    _id: 'admin',
    username: 'admin',
    passwordHash: await bcrypt.hash(password, 10),
    displayName: '系统管理员',
    role: 'admin',
    unitId: null,
    areaId: null,
    active: true,
  });
  return true;
}

/**
 * Stores the shipped working calendar (`cn-default`: office hours, 2026 and 2027 holidays and 调休)
 * on first start. Idempotent, and never overwrites: once stored, the calendar is the
 * administrator's, and a restart keeps their changes.
 */
export async function ensureCalendars(models: Models): Promise<boolean> {
  const { id, ...rest } = defaultCalendarDefinition();
  const result = await models.calendars.updateOne({ _id: id }, { $setOnInsert: rest }, { upsert: true });
  return result.upsertedCount > 0;
}

/**
 * Loads the demo district. Idempotent: reference data is upserted by id (so a restart restores the
 * demo's shape), users are created only when missing (a changed password survives restarts).
 */
export async function seedDemoDistrict(models: Models, demoPassword: string, logger: Logger): Promise<void> {
  for (const a of demoAreas()) {
    await models.areas.updateOne(
      { _id: a.id },
      {
        $set: { name: a.name, level: a.level, parentId: a.parentId, boundaryJson: boundaryJson(a.boundary) },
      },
      { upsert: true },
    );
  }
  for (const u of DEMO_UNITS) {
    await models.units.updateOne(
      { _id: u.id },
      { $set: { name: u.name, kind: u.kind, areaIds: u.areaIds, active: true } },
      { upsert: true },
    );
  }
  // The district's duty desk, unless an administrator already chose one.
  await models.areas.updateOne(
    { _id: DEMO_DISTRICT_ID, dutyUnitId: null },
    { $set: { dutyUnitId: DEMO_DUTY_DESK_UNIT_ID } },
  );
  for (const c of DEMO_CATEGORIES) {
    const { code, ...rest } = c;
    await models.categories.updateOne({ _id: code }, { $set: { ...rest, active: true } }, { upsert: true });
  }
  for (const r of DEMO_RESPONSIBILITIES) {
    const { id, ...rest } = r;
    await models.responsibilities.updateOne({ _id: id }, { $set: rest }, { upsert: true });
  }
  const hash = await bcrypt.hash(demoPassword, 10);
  let created = 0;
  for (const u of DEMO_USERS) {
    if (await models.users.exists({ username: u.username })) continue;
    await models.users.create({
      _id: u.username,
      username: u.username,
      passwordHash: hash,
      displayName: u.displayName,
      role: u.role,
      unitId: u.unitId ?? null,
      areaId: u.areaId ?? null,
      active: true,
    });
    created++;
  }
  logger.info(
    {
      areas: demoAreas().length,
      units: DEMO_UNITS.length,
      categories: DEMO_CATEGORIES.length,
      usersCreated: created,
    },
    'demo district loaded',
  );
}
