import { createHash } from 'node:crypto';
import type { StaffPrincipal } from '@grid-dispatch/auth';
import type { Actor } from '@grid-dispatch/contracts';
import { areaBoundary, CommitteeOutbox, type CommitteeRecord } from '@grid-dispatch/db';
import {
  ancestorPath,
  communityCentre,
  districtDay,
  type GeoJsonPolygon,
  type LatLng,
} from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { ClientThrottle } from '@grid-dispatch/http';
import { CommitteeEventPublisher } from '@grid-dispatch/kafka';
import type { Request } from 'express';
import type { WorkflowConfig } from '../config';
import { invalid } from '../http/admin/admin.common';
import type { WorkflowPlatform } from '../workflow-platform';
import { MilestoneTimers } from './milestone-timers';

/** What every committee router needs: the platform, the outbox its writes go through, a throttle for public routes. */
export interface CommitteeContext {
  platform: WorkflowPlatform;
  config: WorkflowConfig;
  outbox: CommitteeOutbox;
  /** Counts requests per client address on the routes residents call without login. */
  publicThrottle: ClientThrottle;
  /** Reminders before milestones' due times and escalation when one is missed. */
  milestoneTimers: MilestoneTimers;
}

/**
 * Starts the committee's outbox (and its sweep) over every committee record (needs, resources,
 * projects, meetings, activities); `close` stops both.
 */
export function openCommitteeContext(
  platform: WorkflowPlatform,
  config: WorkflowConfig,
): CommitteeContext & { close(): Promise<void> } {
  const publisher = new CommitteeEventPublisher(platform.kafka, config.TOPIC_PREFIX);
  const outbox = new CommitteeOutbox(
    [
      { entity: 'need', model: platform.models.needs },
      { entity: 'resource', model: platform.models.resources },
      { entity: 'project', model: platform.models.projects },
      { entity: 'meeting', model: platform.models.meetings },
      { entity: 'activity', model: platform.models.activities },
    ],
    publisher,
    platform.logger.child({ module: 'committee-outbox' }),
    platform.lock,
  );
  outbox.start();
  const milestoneTimers = new MilestoneTimers(platform, outbox, config.QUEUE_PREFIX, config.REDIS_URL);
  milestoneTimers.start();
  const publicThrottle = new ClientThrottle(
    platform.redis,
    config.QUEUE_PREFIX,
    'committee public requests',
    config.COMMITTEE_PUBLIC_PER_MINUTE,
    platform.logger,
  );
  return {
    platform,
    config,
    outbox,
    publicThrottle,
    milestoneTimers,
    async close() {
      await milestoneTimers.close();
      await outbox.stop();
      await publisher.disconnect();
    },
  };
}

/** A joint committee's community: its area path (community to district) and a point to measure from. */
export interface Community {
  id: string;
  areaIds: string[];
  centre: LatLng | null;
}

/**
 * The community of that id, or a 404 when there is none (public routes) — or a 422 naming `field`
 * when it comes from a body.
 */
export async function findCommunity(
  platform: WorkflowPlatform,
  id: string,
  field?: string,
): Promise<Community> {
  const areas = await platform.models.areas
    .find({}, { _id: 1, level: 1, parentId: 1, boundaryJson: 1 })
    .lean()
    .exec();
  const community = areas.find((a) => a._id === id && a.level === 'community');
  if (!community) {
    if (field) throw invalid(field, `no community "${id}"`);
    throw new AppError('NOT_FOUND', `No community "${id}".`);
  }
  const nodes = areas.map((a) => ({ id: a._id, level: a.level, parentId: a.parentId }));
  const own = areaBoundary(community);
  const boundaries: GeoJsonPolygon[] = own
    ? [own]
    : areas.filter((a) => a.parentId === id).flatMap((a) => areaBoundary(a) ?? []);
  return { id, areaIds: ancestorPath(nodes, id), centre: communityCentre(boundaries) };
}

/** The member units of a community's joint committee: the units serving it or an area above it. */
export async function memberUnitIds(platform: WorkflowPlatform, community: Community): Promise<Set<string>> {
  const units = await platform.models.units
    .find({ areaIds: { $in: community.areaIds }, active: true }, { _id: 1 })
    .lean()
    .exec();
  return new Set(units.map((u) => u._id));
}

/** Is the caller a secretary whose area holds this record's community? */
export function isSecretaryOf(principal: StaffPrincipal, record: Pick<CommitteeRecord, 'areaIds'>): boolean {
  return (
    principal.role.endsWith('_secretary') &&
    principal.areaId !== null &&
    record.areaIds.includes(principal.areaId)
  );
}

/** The areas a unit member's unit serves (empty for anyone else). */
export async function unitAreaIds(platform: WorkflowPlatform, principal: StaffPrincipal): Promise<string[]> {
  if (principal.role !== 'unit_member' || !principal.unitId) return [];
  const unit = await platform.models.units.findById(principal.unitId, { areaIds: 1 }).lean().exec();
  return unit?.areaIds ?? [];
}

/** The event actor for a member of staff. */
export function staffActor(principal: StaffPrincipal): Actor {
  return { kind: 'staff', userId: principal.userId, role: principal.role };
}

/**
 * A device id or phone number as stored: one-way, so it reveals neither, and salted by `scope` so
 * keys cannot be matched across scopes. Needs use their community as the scope (a merged need's
 * supporters stay recognisable on the need it joined); projects their own id.
 */
export function residentKey(scope: string, kind: 'device' | 'phone', value: string): string {
  return createHash('sha256').update(`${scope}\n${kind}\n${value}`).digest('base64url');
}

/** The committee's current day, YYYY-MM-DD, in the district's time. */
export function committeeToday(now = new Date()): string {
  return districtDay(now);
}

/** A record id from the path: anything unlike our ids is simply not found (never reaches a query). */
export function pathId(req: Request, name: string, what: string): string {
  const id = String(req.params[name]);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new AppError('NOT_FOUND', `No ${what} "${id}".`);
  return id;
}
