import type { StaffPrincipal } from '@grid-dispatch/auth';
import type { AreaDoc, LocalizedName } from '@grid-dispatch/db';
import { type AreaNode, committeeMemberIds, isWithinArea } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { StampedCache } from '@grid-dispatch/redis';
import type { WorkflowPlatform } from '../workflow-platform';

export interface CommitteeReference {
  areas: Array<Pick<AreaDoc, '_id' | 'name' | 'level' | 'parentId'>>;
  nodes: AreaNode[];
  units: Array<{ id: string; name: LocalizedName; areaIds: string[]; active: boolean }>;
  unitNames: Map<string, LocalizedName>;
}

/** A committee the caller may reach, with its member units. */
export interface Committee {
  communityId: string;
  name: LocalizedName;
  memberUnitIds: string[];
  /** Secretaries over it and the administrator; a member unit's staff only read and run activities. */
  secretary: boolean;
}

/** The hierarchy and the units, read again only when an administrator changed them. */
export function committeeReference(platform: WorkflowPlatform): StampedCache<CommitteeReference> {
  return new StampedCache(platform.referenceStamp, async () => {
    const [areas, units] = await Promise.all([
      platform.models.areas.find({}, { name: 1, level: 1, parentId: 1 }).lean().exec(),
      platform.models.units.find({}, { name: 1, areaIds: 1, active: 1 }).lean().exec(),
    ]);
    return {
      areas,
      nodes: areas.map((a) => ({ id: a._id, level: a.level, parentId: a.parentId })),
      units: units.map((u) => ({ id: u._id, name: u.name, areaIds: u.areaIds, active: u.active !== false })),
      unitNames: new Map(units.map((u) => [u._id, u.name])),
    };
  });
}

const noCommittee = (id: string) => new AppError('NOT_FOUND', `No committee "${id}" you may see.`);

/** Whether a secretary's area (or the administrator) covers an area. */
export function coversArea(principal: StaffPrincipal, nodes: readonly AreaNode[], areaId: string): boolean {
  if (principal.role === 'admin') return true;
  return (
    principal.role.endsWith('_secretary') &&
    principal.areaId !== null &&
    isWithinArea(nodes, areaId, principal.areaId)
  );
}

/**
 * The committee of a community as the caller may reach it: its secretaries (the community's or
 * above) and the administrator, or the staff of one of its member units. Anyone else, and an id
 * that is no community, get 404 alike, so existence does not leak.
 */
export function committeeFor(
  reference: CommitteeReference,
  principal: StaffPrincipal,
  communityId: string,
): Committee {
  const area = reference.areas.find((a) => a._id === communityId && a.level === 'community');
  if (!area) throw noCommittee(communityId);
  const memberUnitIds = committeeMemberIds(reference.units, reference.nodes, communityId);
  const secretary = coversArea(principal, reference.nodes, communityId);
  const member =
    principal.role === 'unit_member' && principal.unitId !== null && memberUnitIds.includes(principal.unitId);
  if (!secretary && !member) throw noCommittee(communityId);
  return { communityId, name: area.name, memberUnitIds, secretary };
}

/** Only the committee's secretaries (and the administrator) may do this; its units' staff get 403. */
export function requireSecretary(committee: Committee): void {
  if (!committee.secretary) {
    throw new AppError('FORBIDDEN', 'Only the committee’s secretary (or one above) may do this.');
  }
}
