import type { NeedDoc, ProjectDoc, ResourceDoc } from '@grid-dispatch/db';

/*
 * Records as the API answers them (the answer schemas beside the routes describe them). Public
 * views carry no personal data: no phone, no contact person, no staff ids, no resident's place.
 */

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

export function publicNeedView(doc: NeedDoc) {
  return {
    id: doc._id,
    communityId: doc.communityId,
    title: doc.title,
    description: doc.description,
    kind: doc.kind,
    peopleConcerned: doc.peopleConcerned,
    status: doc.status,
    declineReason: doc.declineReason ?? null,
    mergedInto: doc.mergedInto ?? null,
    supporters: doc.supporters ?? 0,
    raisedAt: new Date(doc.raisedAt).toISOString(),
  };
}

export function needView(doc: NeedDoc) {
  return {
    ...publicNeedView(doc),
    location: doc.location ? { lat: doc.location.lat, lng: doc.location.lng } : null,
    raisedBy: {
      channel: doc.raisedBy.channel,
      userId: doc.raisedBy.userId ?? null,
      unitId: doc.raisedBy.unitId ?? null,
    },
    contactPhone: doc.contactPhone ?? null,
    updatedAt: new Date(doc.updatedAt).toISOString(),
    version: doc.version,
  };
}

export function resourceView(doc: ResourceDoc) {
  return {
    id: doc._id,
    unitId: doc.unitId,
    communityId: doc.communityId,
    title: doc.title,
    description: doc.description,
    kind: doc.kind,
    serves: doc.serves,
    capacity: doc.capacity,
    committed: doc.committed ?? 0,
    remaining: doc.capacity - (doc.committed ?? 0),
    availableFrom: doc.availableFrom,
    availableTo: doc.availableTo ?? null,
    openingHours: doc.openingHours ?? null,
    location: doc.location ? { lat: doc.location.lat, lng: doc.location.lng } : null,
    contact: { name: doc.contact.name, phone: doc.contact.phone },
    createdAt: new Date(doc.createdAt).toISOString(),
    updatedAt: new Date(doc.updatedAt).toISOString(),
    version: doc.version,
  };
}

/** A project as anyone sees it: what, who leads, milestones, how residents rated it. */
export function publicProjectView(doc: ProjectDoc) {
  const scores = doc.evaluations.map((e) => e.score);
  return {
    id: doc._id,
    communityId: doc.communityId,
    title: doc.title,
    description: doc.description,
    needIds: doc.needIds,
    leadUnitId: doc.leadUnitId,
    participantUnitIds: doc.participantUnitIds,
    status: doc.status,
    milestones: doc.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueAt: new Date(m.dueAt).toISOString(),
      doneAt: iso(m.doneAt),
      waivedAt: iso(m.waivedAt),
    })),
    evaluationCount: scores.length,
    averageScore: scores.length
      ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10
      : null,
    proposedAt: new Date(doc.proposedAt).toISOString(),
    deliveredAt: iso(doc.deliveredAt),
  };
}

export function projectView(doc: ProjectDoc) {
  return {
    ...publicProjectView(doc),
    resourceIds: doc.resourceIds,
    commitments: doc.commitments.map((c) => ({ resourceId: c.resourceId, amount: c.amount })),
    milestones: doc.milestones.map((m) => ({
      id: m.id,
      title: m.title,
      dueAt: new Date(m.dueAt).toISOString(),
      doneAt: iso(m.doneAt),
      waivedAt: iso(m.waivedAt),
      waiveReason: m.waiveReason ?? null,
    })),
    approvedAtMeetingId: doc.approvedAtMeetingId ?? null,
    evaluations: doc.evaluations.map((e) => ({
      score: e.score,
      comment: e.comment ?? null,
      at: new Date(e.at).toISOString(),
    })),
    approvedAt: iso(doc.approvedAt),
    startedAt: iso(doc.startedAt),
    evaluatedAt: iso(doc.evaluatedAt),
    updatedAt: new Date(doc.updatedAt).toISOString(),
    version: doc.version,
  };
}
