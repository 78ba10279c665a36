import { randomUUID } from 'node:crypto';
import { passwordProblem } from '@grid-dispatch/auth';
import type { UserDoc } from '@grid-dispatch/db';
import type { FieldError, Role } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { parseBody } from '@grid-dispatch/http';
import { Router } from 'express';
import type { WorkflowPlatform } from '../../workflow-platform';
import {
  type AdminContext,
  conflict,
  invalid,
  listPage,
  notFound,
  throwIfInvalid,
  uniquely,
} from './admin.common';
import { userBody, userUpdateBody } from './admin.schemas';

/** The user created on first start (bootstrap `ensureAdmin`); the way back in, so it cannot be removed. */
const FIRST_ADMIN = 'admin';

/** The area level each secretary role works at. */
const SECRETARY_LEVEL: Partial<Record<Role, string>> = {
  community_secretary: 'community',
  subdistrict_secretary: 'subdistrict',
  district_secretary: 'district',
};

/** A user as the admin API answers it: never the password, never its hash. */
export function userView(doc: UserDoc) {
  return {
    id: doc._id,
    username: doc.username,
    displayName: doc.displayName,
    role: doc.role,
    unitId: doc.unitId,
    areaId: doc.areaId,
    active: doc.active,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/**
 * Staff accounts: /api/v1/admin/users. Passwords are hashed with bcrypt (cost 10, as the login
 * compares) and never answered, announced or logged (the logger redacts `password` besides).
 * DELETE deactivates: the account's actions stay attributed in ticket histories.
 */
export function usersRouter({ platform, announce, passwords }: AdminContext): Router {
  const router = Router();
  const { users } = platform.models;

  router.get('/', async (req, res) => {
    res.json(await listPage(users, req.query, ['role', 'unitId', 'areaId'], userView));
  });

  router.get('/:id', async (req, res) => {
    res.json(userView(await findUser(platform, req.params.id)));
  });

  router.post('/', async (req, res) => {
    const body = parseBody(userBody, req.body);
    refuseUsernameInPassword(body.password, body.username);
    const placement = await checkPlacement(platform, body.role, body.unitId ?? null, body.areaId ?? null);
    await refuseTakenUsername(platform, body.username, null);
    const id = body.id ?? randomUUID();
    const passwordHash = await passwords.hash(body.password, 10);
    const created = await uniquely(
      () =>
        users.create({
          _id: id,
          username: body.username,
          passwordHash,
          displayName: body.displayName,
          role: body.role,
          ...placement,
          active: true,
        }),
      `A user with id "${id}" or username "${body.username}" already exists.`,
    );
    await announce('user', id, 'created');
    res.status(201).json(userView(created.toObject()));
  });

  router.put('/:id', async (req, res) => {
    const id = req.params.id;
    const current = await findUser(platform, id);
    const body = parseBody(userUpdateBody, req.body);
    if (body.password !== undefined) refuseUsernameInPassword(body.password, body.username);
    const active = body.active ?? current.active;
    if (current._id === FIRST_ADMIN && (body.role !== 'admin' || !active || body.username !== FIRST_ADMIN)) {
      throw conflict('The user "admin" stays an active admin named "admin"; create another account instead.');
    }
    const placement = await checkPlacement(platform, body.role, body.unitId ?? null, body.areaId ?? null);
    await refuseTakenUsername(platform, body.username, id);
    const set: Record<string, unknown> = {
      username: body.username,
      displayName: body.displayName,
      role: body.role,
      unitId: placement.unitId,
      areaId: placement.areaId,
      active,
    };
    if (body.password !== undefined) set.passwordHash = await passwords.hash(body.password, 10);
    await uniquely(
      () => users.updateOne({ _id: id }, { $set: set }),
      `Username "${body.username}" is taken.`,
    );
    // The account changed (its password, scope or standing): tokens issued before stop counting.
    await platform.sessions.revoke(id);
    await announce('user', id, 'updated');
    res.json(userView(await findUser(platform, id)));
  });

  router.delete('/:id', async (req, res) => {
    const id = req.params.id;
    const current = await findUser(platform, id);
    if (current._id === FIRST_ADMIN) throw conflict('The user "admin" cannot be deleted.');
    await users.updateOne({ _id: id }, { $set: { active: false } });
    await platform.sessions.revoke(id);
    await announce('user', id, 'deleted');
    res.json(userView(await findUser(platform, id)));
  });

  return router;
}

async function findUser(platform: WorkflowPlatform, id: string): Promise<UserDoc> {
  const doc = await platform.models.users.findById(id).lean<UserDoc>().exec();
  if (!doc) throw notFound('user', id);
  return doc;
}

/** 409 when another account has the username (the unique index is the backstop for races). */
async function refuseTakenUsername(
  platform: WorkflowPlatform,
  username: string,
  selfId: string | null,
): Promise<void> {
  const other = await platform.models.users.findOne({ username }, { _id: 1 }).lean().exec();
  if (other && other._id !== selfId) {
    throw new AppError('VERSION_CONFLICT', `Username "${username}" is taken.`, {
      fields: [{ path: 'username', message: 'is taken' }],
    });
  }
}

/**
 * A unit member acts for one existing, active unit; a secretary for one area of the matching
 * level; an admin or a hotline agent for neither. 422 naming `unitId` / `areaId` otherwise.
 */
async function checkPlacement(
  platform: WorkflowPlatform,
  role: Role,
  unitId: string | null,
  areaId: string | null,
): Promise<{ unitId: string | null; areaId: string | null }> {
  const problems: FieldError[] = [];
  const level = SECRETARY_LEVEL[role];
  if (role === 'unit_member') {
    if (unitId === null) problems.push({ path: 'unitId', message: 'a unit member needs a unit' });
    else {
      const unit = await platform.models.units.findById(unitId).lean().exec();
      if (!unit) problems.push({ path: 'unitId', message: 'no such unit' });
      else if (!unit.active) problems.push({ path: 'unitId', message: 'the unit is deactivated' });
    }
  } else if (unitId !== null) problems.push({ path: 'unitId', message: `a ${role} has no unit` });
  if (level) {
    if (areaId === null) problems.push({ path: 'areaId', message: `a ${role} needs a ${level}` });
    else {
      const area = await platform.models.areas.findById(areaId).lean().exec();
      if (!area) problems.push({ path: 'areaId', message: 'no such area' });
      else if (area.level !== level)
        problems.push({ path: 'areaId', message: `a ${role} needs a ${level}, not a ${area.level}` });
    }
  } else if (areaId !== null) problems.push({ path: 'areaId', message: `a ${role} has no area` });
  throwIfInvalid(problems);
  return { unitId, areaId };
}

/** The one password rule that needs the username (the rest are in the body's schema). */
function refuseUsernameInPassword(password: string, username: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw invalid('password', problem);
}
