import type { Models } from '@grid-dispatch/db';
import type {
  AgendaNeed,
  AgendaProject,
  DecisionContext,
  FigureNeed,
  FigureProject,
  FigureResource,
} from '@grid-dispatch/domain';

/** A need as the meeting and the figures read it. */
export type ListedNeed = AgendaNeed & FigureNeed;
/** A project as the meeting, its decisions and the figures read it. */
export type ListedProject = AgendaProject & FigureProject & DecisionContext['projects'][number];
/** A resource as the activities (venues) and the figures read it. */
export type ListedResource = FigureResource & { kind: string; title: string };

/**
 * The committee's needs, resources and projects lists, read by the meeting, activity and figure
 * routes. Those lists are written by their own routes; this reads them through the field names of
 * the committee's shared data model, so either side can change its storage by giving another
 * implementation here.
 */
export interface CommitteeLists {
  needs(communityIds: readonly string[]): Promise<ListedNeed[]>;
  projects(communityIds: readonly string[]): Promise<ListedProject[]>;
  resources(communityIds: readonly string[]): Promise<ListedResource[]>;
}

type Stored = Record<string, unknown> & { _id?: unknown; id?: unknown };

const iso = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));
const isoOrNull = (value: unknown): string | null =>
  value === undefined || value === null ? null : iso(value);
const idOf = (doc: Stored) => String(doc._id ?? doc.id);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);

/** The lists as the Need, Resource and Project models store them (withdrawn resources left out). */
export function storedCommitteeLists(
  models: Pick<Models, 'needs' | 'resources' | 'projects'>,
): CommitteeLists {
  const collections = { needs: models.needs, resources: models.resources, projects: models.projects };
  const read = (collection: keyof typeof collections, communityIds: readonly string[]) =>
    communityIds.length === 0
      ? Promise.resolve([] as Stored[])
      : (collections[collection] as (typeof collections)['needs'])
          .find({
            communityId: { $in: [...communityIds] },
            ...(collection === 'resources' ? { withdrawnAt: null } : {}),
          })
          .lean<Stored[]>()
          .exec();
  return {
    async needs(communityIds) {
      return (await read('needs', communityIds)).map((n) => ({
        id: idOf(n),
        communityId: String(n.communityId),
        title: String(n.title ?? ''),
        kind: String(n.kind ?? 'other'),
        status: String(n.status ?? 'open'),
        peopleConcerned: Number(n.peopleConcerned ?? 0),
        supporters: Number(n.supporters ?? 0),
        raisedAt: iso(n.raisedAt),
      }));
    },
    async projects(communityIds) {
      return (await read('projects', communityIds)).map((p) => ({
        id: idOf(p),
        communityId: String(p.communityId),
        title: String(p.title ?? ''),
        status: String(p.status ?? 'proposed'),
        needIds: strings(p.needIds),
        leadUnitId: String(p.leadUnitId ?? ''),
        participantUnitIds: strings(p.participantUnitIds),
        milestones: (Array.isArray(p.milestones) ? (p.milestones as Stored[]) : []).map((m) => ({
          id: String(m.id ?? m._id),
          title: String(m.title ?? ''),
          dueAt: iso(m.dueAt),
          // A waived milestone is settled like a done one: never late on the agenda.
          doneAt: isoOrNull(m.doneAt ?? m.waivedAt),
        })),
        proposedAt: iso(p.proposedAt),
        deliveredAt: isoOrNull(p.deliveredAt),
        evaluations: (Array.isArray(p.evaluations) ? (p.evaluations as Stored[]) : []).map((e) => ({
          score: Number(e.score),
          at: iso(e.at),
        })),
      }));
    },
    async resources(communityIds) {
      return (await read('resources', communityIds)).map((r) => ({
        id: idOf(r),
        unitId: String(r.unitId),
        communityId: String(r.communityId),
        kind: String(r.kind ?? ''),
        title: String(r.title ?? ''),
        createdAt: iso(r.createdAt),
        availableTo: isoOrNull(r.availableTo),
      }));
    },
  };
}
