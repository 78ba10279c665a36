import { randomUUID } from 'node:crypto';
import { STAFF_ROLES, type StaffPrincipal } from '@grid-dispatch/auth';
import type { NeedDoc, ResourceDoc } from '@grid-dispatch/db';
import {
  acceptsSupport,
  isNeedKind,
  NEED_KINDS,
  NEED_STATUSES,
  type NeedTriage,
  rankResourcesForNeed,
  similarNeeds,
  triageNeed,
} from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { parseBody, principalOf, requireStaff } from '@grid-dispatch/http';
import { type Request, Router } from 'express';
import { invalid, queryText } from '../http/admin/admin.common';
import {
  type CommitteeContext,
  type Community,
  committeeToday,
  findCommunity,
  isSecretaryOf,
  memberUnitIds,
  pathId,
  residentKey,
  staffActor,
  unitAreaIds,
} from './committee-context';
import { listQuery, pageOf } from './committee-query';
import { needView, publicNeedView, resourceView } from './committee-views';
import { needSupportBody, needTriageBody, residentNeedBody, staffNeedBody } from './needs-bodies';
import { changedMeanwhile, checkIfMatch } from './version-check';

/** How many supporters' keys a need keeps (the count goes on beyond). */
const KEPT_KEYS = 1000;
/** Version conflicts with someone else's "me too" at the same moment are retried this often. */
const ATTEMPTS = 3;

/** Staff who work on the committee's lists (the administrator keeps configuration, not lists). */
export const COMMITTEE_STAFF = STAFF_ROLES.filter((r) => r !== 'admin');

/**
 * Whether a member of staff may see a need: a secretary whose area holds its community, or a
 * member of a unit serving the community (a member unit of its joint committee).
 */
async function needScopeFilter(ctx: CommitteeContext, principal: StaffPrincipal) {
  if (principal.role.endsWith('_secretary') && principal.areaId) return { areaIds: principal.areaId };
  const areas = await unitAreaIds(ctx.platform, principal);
  return areas.length ? { areaIds: { $in: areas } } : null;
}

async function needInScope(ctx: CommitteeContext, principal: StaffPrincipal, id: string): Promise<NeedDoc> {
  const scope = await needScopeFilter(ctx, principal);
  const need = scope
    ? await ctx.platform.models.needs
        .findOne({ _id: id, ...scope })
        .lean<NeedDoc>()
        .exec()
    : null;
  if (!need) throw new AppError('NOT_FOUND', `No need "${id}".`);
  return need;
}

/** The resources a need's matches are chosen from: those of its community's sub-district (nearby communities too). */
export function matchableResourceFilter(areaIds: readonly string[]) {
  return { areaIds: areaIds[1] ?? areaIds[0], withdrawnAt: null };
}

/**
 * The needs list of the joint committees:
 * - residents, no login, at /api/v1/communities/{communityId}/needs: the open and accepted needs,
 *   near-duplicates of a draft, raising one, "me too", and each need's public page (with the
 *   reason when declined);
 * - staff at /api/v1/needs: raising one on a resident's behalf, the list in scope with filters,
 *   triage (secretaries), and the resources ranked for a need.
 */
export function needsRouter(ctx: CommitteeContext): Router {
  const { platform, config, outbox } = ctx;
  const needs = platform.models.needs;
  const router = Router();
  const staff = requireStaff({ secret: config.AUTH_SECRET, sessions: platform.sessions }, COMMITTEE_STAFF);
  const throttle = (req: Request) => ctx.publicThrottle.take(req.ip ?? 'unknown');

  const publicNeed = async (req: Request) => {
    const communityId = pathId(req, 'communityId', 'community');
    const id = pathId(req, 'id', 'need');
    const need = await needs.findOne({ _id: id, communityId }).lean<NeedDoc>().exec();
    if (!need) throw new AppError('NOT_FOUND', `No need "${id}" in this community.`);
    return need;
  };

  router.get('/communities/:communityId/needs', async (req, res) => {
    await throttle(req);
    const community = await findCommunity(platform, pathId(req, 'communityId', 'community'));
    const items = await needs
      .find({ communityId: community.id, status: { $in: ['open', 'accepted'] } })
      .sort({ raisedAt: -1 })
      .limit(200)
      .lean<NeedDoc[]>()
      .exec();
    res.json({ items: items.map(publicNeedView) });
  });

  // Before sending, the form offers needs like the draft so the resident can say "me too" instead.
  // Declared before /:id, which would otherwise take "similar" for an id.
  router.get('/communities/:communityId/needs/similar', async (req, res) => {
    await throttle(req);
    const community = await findCommunity(platform, pathId(req, 'communityId', 'community'));
    const kind = queryText(req.query, 'kind');
    const title = queryText(req.query, 'title');
    if (!isNeedKind(kind)) throw invalid('kind', `one of ${NEED_KINDS.join(', ')}`);
    if (!title || title.trim().length < 2) throw invalid('title', 'at least 2 characters');
    const candidates = await needs
      .find({ communityId: community.id, kind, status: { $in: ['open', 'accepted'] } })
      .limit(500)
      .lean<NeedDoc[]>()
      .exec();
    const similar = similarNeeds(
      { communityId: community.id, kind, title },
      candidates.map((n) => ({ ...n, id: n._id })),
    );
    res.json({ items: similar.map(publicNeedView) });
  });

  router.post('/communities/:communityId/needs', async (req, res) => {
    await throttle(req);
    const community = await findCommunity(platform, pathId(req, 'communityId', 'community'));
    const body = parseBody(residentNeedBody, req.body);
    const id = randomUUID();
    const created = await outbox.create<NeedDoc>(
      'need',
      {
        _id: id,
        communityId: community.id,
        areaIds: community.areaIds,
        title: body.title,
        description: body.description,
        kind: body.kind,
        peopleConcerned: body.peopleConcerned,
        location: body.location ?? null,
        raisedBy: { channel: 'resident', userId: null, unitId: null },
        contactPhone: body.contactPhone ?? null,
        status: 'open',
        declineReason: null,
        mergedInto: null,
        supporters: 0,
        // The raiser does not "me too" their own need.
        supporterKeys: [
          residentKey(community.id, 'device', body.device),
          ...(body.contactPhone ? [residentKey(community.id, 'phone', body.contactPhone)] : []),
        ],
      } as Omit<NeedDoc, 'version' | 'outbox' | 'outboxPending'>,
      raisedEvent(body.kind, body.peopleConcerned, 'resident', { kind: 'resident' }),
    );
    res.status(201).json(publicNeedView(created));
  });

  router.get('/communities/:communityId/needs/:id', async (req, res) => {
    await throttle(req);
    res.json(publicNeedView(await publicNeed(req)));
  });

  // "Me too": one per device and one per phone number, counted on the need.
  router.post('/communities/:communityId/needs/:id/support', async (req, res) => {
    await throttle(req);
    let need = await publicNeed(req);
    const body = parseBody(needSupportBody, req.body);
    for (let attempt = 1; ; attempt++) {
      if (!acceptsSupport(need.status))
        throw new AppError('ILLEGAL_TRANSITION', `This need is ${need.status}; it takes no more support.`);
      const keys = [
        ...(body.device ? [residentKey(need.communityId, 'device', body.device)] : []),
        ...(body.phone ? [residentKey(need.communityId, 'phone', body.phone)] : []),
      ];
      if (keys.some((k) => need.supporterKeys.includes(k))) {
        res.json({ id: need._id, supporters: need.supporters, alreadySupported: true });
        return;
      }
      const supporters = need.supporters + 1;
      const updated = await outbox.update<NeedDoc>(
        'need',
        need,
        { supporters, supporterKeys: [...need.supporterKeys, ...keys].slice(-KEPT_KEYS) },
        { type: 'need.supported', actor: { kind: 'resident' }, payload: { supporters } },
      );
      if (updated) {
        res.json({ id: updated._id, supporters: updated.supporters, alreadySupported: false });
        return;
      }
      if (attempt >= ATTEMPTS) throw changedMeanwhile('need');
      need = await publicNeed(req);
    }
  });

  router.get('/needs', staff, async (req, res) => {
    const principal = principalOf(req);
    const { filter, limit } = listQuery(req.query, {
      communityId: null,
      status: NEED_STATUSES,
      kind: NEED_KINDS,
    });
    const scope = await needScopeFilter(ctx, principal);
    if (!scope) {
      res.json({ items: [], nextCursor: null });
      return;
    }
    const docs = await needs
      .find({ ...filter, ...scope })
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean<NeedDoc[]>()
      .exec();
    res.json(pageOf(docs, limit, needView));
  });

  router.post('/needs', staff, async (req, res) => {
    const principal = principalOf(req);
    const body = parseBody(staffNeedBody, req.body);
    const community = await findCommunity(platform, body.communityId, 'communityId');
    const mayRaise =
      isSecretaryOf(principal, community) ||
      (principal.unitId !== null && (await memberUnitIds(platform, community)).has(principal.unitId));
    if (!mayRaise) throw invalid('communityId', 'not a community in your scope');
    const id = randomUUID();
    const created = await outbox.create<NeedDoc>(
      'need',
      {
        _id: id,
        communityId: community.id,
        areaIds: community.areaIds,
        title: body.title,
        description: body.description,
        kind: body.kind,
        peopleConcerned: body.peopleConcerned,
        location: body.location ?? null,
        raisedBy: { channel: 'staff', userId: principal.userId, unitId: principal.unitId },
        contactPhone: body.contactPhone ?? null,
        status: 'open',
        declineReason: null,
        mergedInto: null,
        supporters: 0,
        supporterKeys: body.contactPhone ? [residentKey(community.id, 'phone', body.contactPhone)] : [],
      } as Omit<NeedDoc, 'version' | 'outbox' | 'outboxPending'>,
      raisedEvent(body.kind, body.peopleConcerned, 'staff', staffActor(principal)),
    );
    res.setHeader('ETag', `"${created.version}"`);
    res.status(201).json(needView(created));
  });

  router.get('/needs/:id', staff, async (req, res) => {
    const need = await needInScope(ctx, principalOf(req), pathId(req, 'id', 'need'));
    res.setHeader('ETag', `"${need.version}"`);
    res.json(needView(need));
  });

  router.post('/needs/:id/triage', staff, async (req, res) => {
    const principal = principalOf(req);
    const need = await needInScope(ctx, principal, pathId(req, 'id', 'need'));
    if (!isSecretaryOf(principal, need))
      throw new AppError('FORBIDDEN', "Only the committee's secretary triages needs.");
    const body = parseBody(needTriageBody, req.body);
    checkIfMatch(req, need.version, 'need');
    let triage: NeedTriage;
    let target: NeedDoc | null = null;
    if (body.decision === 'merge') {
      target = await needs.findOne({ _id: body.into, areaIds: principal.areaId }).lean<NeedDoc>().exec();
      if (!target) throw invalid('into', `no need "${body.into}" in your scope`);
      triage = {
        decision: 'merge',
        into: { id: target._id, communityId: target.communityId, status: target.status },
      };
    } else triage = body;
    const outcome = triageNeed({ id: need._id, communityId: need.communityId, status: need.status }, triage);
    if (!outcome.ok) {
      throw outcome.code === 'VALIDATION_FAILED'
        ? invalid(outcome.field ?? 'decision', outcome.message)
        : new AppError('ILLEGAL_TRANSITION', outcome.message);
    }
    const updated = await outbox.update<NeedDoc>(
      'need',
      need,
      { status: outcome.status, declineReason: outcome.declineReason, mergedInto: outcome.mergedInto },
      {
        type: 'need.triaged',
        actor: staffActor(principal),
        payload: { status: outcome.status, mergedInto: outcome.mergedInto },
      },
    );
    if (!updated) throw changedMeanwhile('need');
    if (target) await carrySupporters(ctx, target._id, updated);
    res.setHeader('ETag', `"${updated.version}"`);
    res.json(needView(updated));
  });

  router.get('/needs/:id/matches', staff, async (req, res) => {
    const need = await needInScope(ctx, principalOf(req), pathId(req, 'id', 'need'));
    if (need.status !== 'accepted' && need.status !== 'open')
      throw new AppError(
        'ILLEGAL_TRANSITION',
        `This need is ${need.status}; only open and accepted needs are matched.`,
      );
    const community: Community = await findCommunity(platform, need.communityId);
    const resources = await platform.models.resources
      .find(matchableResourceFilter(need.areaIds))
      .limit(1000)
      .lean<ResourceDoc[]>()
      .exec();
    const today = committeeToday();
    const ranked = rankResourcesForNeed(
      need,
      resources.map((r) => ({ ...r, id: r._id })),
      community,
      today,
    );
    res.json({
      needId: need._id,
      today,
      items: ranked.map(({ resource, ...match }) => ({ ...match, resource: resourceView(resource) })),
    });
  });

  return router;
}

function raisedEvent(
  kind: string,
  peopleConcerned: number,
  channel: 'resident' | 'staff',
  actor: Parameters<CommitteeContext['outbox']['create']>[2]['actor'],
) {
  return { type: 'need.raised' as const, actor, payload: { kind, peopleConcerned, channel } };
}

/**
 * A merged need's supporters (and its raiser) now count on the need it was merged into, and
 * their keys go with them so nobody supports both. A second write after the merge, retried on a
 * version conflict: the merge itself is already saved.
 */
async function carrySupporters(ctx: CommitteeContext, targetId: string, merged: NeedDoc): Promise<void> {
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const target = await ctx.platform.models.needs.findById(targetId).lean<NeedDoc>().exec();
    if (!target) return;
    const supporters = target.supporters + merged.supporters + 1;
    const keys = [...new Set([...target.supporterKeys, ...merged.supporterKeys])].slice(-KEPT_KEYS);
    const updated = await ctx.outbox.update<NeedDoc>(
      'need',
      target,
      { supporters, supporterKeys: keys },
      {
        type: 'need.supported',
        actor: { kind: 'system', service: 'workflow' },
        payload: { supporters, mergedFrom: merged._id },
      },
    );
    if (updated) return;
  }
  ctx.platform.logger.warn(
    { targetId, mergedId: merged._id },
    'supporters of a merged need not carried over',
  );
}
