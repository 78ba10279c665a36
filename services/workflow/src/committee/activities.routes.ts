import { randomUUID } from 'node:crypto';
import type { ActivityDoc } from '@grid-dispatch/db';
import { ancestorPath, type FieldError, upcomingActivities, venueClashes } from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { parseBody, principalOf } from '@grid-dispatch/http';
import { type Request, Router } from 'express';
import { conflict, notFound, throwIfInvalid } from '../http/admin/admin.common';
import { activityCreateBody } from './committee-bodies';
import type { ListedResource } from './committee-lists';
import { committeeEvent } from './committee-outbox';
import { committeeFor } from './committee-reference';
import { communityOf, type MeetingContext } from './meeting-context';
import { changedMeanwhile, checkIfMatch } from './version-check';

type Names = ReadonlyMap<string, { zh: string; en: string }>;

/** An activity as anyone sees it: what, when, where and who organises it; nobody's account. */
export function publicActivityView(
  doc: ActivityDoc,
  names: Names,
  venues: ReadonlyMap<string, ListedResource>,
) {
  const venue = doc.resourceId ? venues.get(doc.resourceId) : undefined;
  return {
    id: doc._id,
    communityId: doc.communityId,
    title: doc.title,
    description: doc.description,
    startsAt: new Date(doc.startsAt).toISOString(),
    endsAt: new Date(doc.endsAt).toISOString(),
    venue: doc.resourceId ? { resourceId: doc.resourceId, title: venue?.title ?? '' } : null,
    organiser: {
      unitId: doc.organiserUnitId,
      name: names.get(doc.organiserUnitId) ?? { zh: doc.organiserUnitId, en: doc.organiserUnitId },
    },
  };
}

/** An activity as the committee's staff see it. */
export function activityView(doc: ActivityDoc, names: Names, venues: ReadonlyMap<string, ListedResource>) {
  return {
    ...publicActivityView(doc, names, venues),
    published: doc.published,
    publishedAt: doc.publishedAt ? new Date(doc.publishedAt).toISOString() : null,
    version: doc.version,
  };
}

const asCalendar = (doc: ActivityDoc) => ({
  id: doc._id,
  communityId: doc.communityId,
  startsAt: new Date(doc.startsAt).toISOString(),
  endsAt: new Date(doc.endsAt).toISOString(),
  resourceId: doc.resourceId,
  published: doc.published,
});

/**
 * The committee's activities at /api/v1/committees/{communityId}/activities (its secretaries and
 * its units' staff create and publish them; a unit's staff for their own unit), and the public
 * calendar at /api/v1/communities/{communityId}/activities (published, not yet over, no login).
 */
export function activitiesRouters(context: MeetingContext): { staff: Router; public: Router } {
  const { platform, lists } = context;
  const model = platform.models.activities;
  const venuesOf = async (communityId: string) =>
    new Map((await lists.resources([communityId])).map((r) => [r.id, r]));

  const staff = Router({ mergeParams: true });
  const committeeOf = async (req: Request) =>
    committeeFor(await context.reference.get(), principalOf(req), communityOf(req));

  staff.get('/', async (req, res) => {
    const committee = await committeeOf(req);
    const items = await model
      .find({ communityId: committee.communityId })
      .sort({ startsAt: -1 })
      .limit(200)
      .lean<ActivityDoc[]>()
      .exec();
    const [{ unitNames }, venues] = await Promise.all([
      context.reference.get(),
      venuesOf(committee.communityId),
    ]);
    res.json({ items: items.map((a) => activityView(a, unitNames, venues)) });
  });

  staff.post('/', async (req, res) => {
    const principal = principalOf(req);
    const committee = await committeeOf(req);
    const body = parseBody(activityCreateBody, req.body);
    const fields: FieldError[] = [];
    let organiserUnitId = body.organiserUnitId;
    if (!committee.secretary) {
      // A unit's staff organise for their own unit only.
      if (organiserUnitId !== undefined && organiserUnitId !== principal.unitId) {
        fields.push({ path: 'organiserUnitId', message: 'a unit’s staff organise for their own unit' });
      }
      organiserUnitId = principal.unitId ?? undefined;
    }
    if (organiserUnitId === undefined) {
      fields.push({ path: 'organiserUnitId', message: 'name the member unit that organises it' });
    } else if (!committee.memberUnitIds.includes(organiserUnitId)) {
      fields.push({
        path: 'organiserUnitId',
        message: `"${organiserUnitId}" is not a member unit of this committee`,
      });
    }
    if (Date.parse(body.endsAt) <= Date.parse(body.startsAt)) {
      fields.push({ path: 'endsAt', message: 'must be later than startsAt' });
    }
    const venues = await venuesOf(committee.communityId);
    if (body.resourceId !== undefined) {
      const venue = venues.get(body.resourceId);
      if (!venue)
        fields.push({ path: 'resourceId', message: `no resource "${body.resourceId}" in this committee` });
      else if (venue.kind !== 'venue')
        fields.push({ path: 'resourceId', message: `"${venue.title}" is no venue` });
    }
    throwIfInvalid(fields);
    if (body.resourceId !== undefined) {
      const booked = await model
        .find({ resourceId: body.resourceId, startsAt: { $lt: new Date(body.endsAt) } })
        .lean<ActivityDoc[]>()
        .exec();
      const clash = venueClashes(booked.map(asCalendar), { resourceId: body.resourceId, ...body })[0];
      if (clash) {
        throw new AppError('VALIDATION_FAILED', 'The venue is booked then.', {
          fields: [
            {
              path: 'resourceId',
              message: `booked from ${clash.startsAt} to ${clash.endsAt} by another activity (${clash.id})`,
            },
          ],
        });
      }
    }
    const created = await model.create({
      _id: randomUUID(),
      communityId: committee.communityId,
      title: body.title,
      description: body.description,
      startsAt: new Date(body.startsAt),
      endsAt: new Date(body.endsAt),
      resourceId: body.resourceId ?? null,
      organiserUnitId: organiserUnitId!,
      published: false,
      publishedAt: null,
      version: 1,
      outbox: [],
      outboxPending: false,
      createdBy: principal.userId,
    });
    const { unitNames } = await context.reference.get();
    res.status(201).json(activityView(created.toObject(), unitNames, venues));
  });

  staff.post('/:id/publish', async (req, res) => {
    const principal = principalOf(req);
    const committee = await committeeOf(req);
    const id = String((req.params as Record<string, string>).id);
    const found = await model
      .findOne({ _id: id, communityId: committee.communityId })
      .lean<ActivityDoc>()
      .exec();
    // Another unit's activity is not theirs to publish: as if it were not there.
    if (!found || (!committee.secretary && found.organiserUnitId !== principal.unitId))
      throw notFound('activity', id);
    if (found.published) throw conflict('The activity is published already.');
    checkIfMatch(req, found.version, 'activity');
    const now = new Date();
    const event = committeeEvent(
      'activity.published',
      {
        entity: 'activity',
        id: found._id,
        communityId: found.communityId,
        areaIds: ancestorPath((await context.reference.get()).nodes, found.communityId),
        version: found.version + 1,
      },
      principal,
      {
        title: found.title,
        startsAt: new Date(found.startsAt).toISOString(),
        endsAt: new Date(found.endsAt).toISOString(),
        resourceId: found.resourceId,
        organiserUnitId: found.organiserUnitId,
      },
      now,
    );
    const updated = await context.outbox.locked('activity', found._id, () =>
      model
        .findOneAndUpdate(
          { _id: found._id, version: found.version, published: false },
          {
            $set: { published: true, publishedAt: now, version: found.version + 1, outboxPending: true },
            $push: { outbox: event },
          },
          { returnDocument: 'after' },
        )
        .lean<ActivityDoc>()
        .exec(),
    );
    if (!updated) throw changedMeanwhile('activity');
    await context.outbox
      .flush('activity', updated._id)
      .catch((err) =>
        context.platform.logger.warn({ err: String(err) }, 'activity event left for the outbox sweep'),
      );
    const [{ unitNames }, venues] = await Promise.all([
      context.reference.get(),
      venuesOf(committee.communityId),
    ]);
    res.json(activityView(updated, unitNames, venues));
  });

  const open = Router();
  open.get('/communities/:communityId/activities', async (req, res) => {
    const communityId = String(req.params.communityId);
    const { areas, unitNames } = await context.reference.get();
    if (!areas.some((a) => a._id === communityId && a.level === 'community'))
      throw notFound('community', communityId);
    const now = new Date();
    const items = await model
      .find({ communityId, published: true, endsAt: { $gt: now } })
      .limit(500)
      .lean<ActivityDoc[]>()
      .exec();
    const byId = new Map(items.map((a) => [a._id, a]));
    const upcoming = upcomingActivities(items.map(asCalendar), now.toISOString()).slice(0, 200);
    const venues = await venuesOf(communityId);
    res.json({ items: upcoming.map((a) => publicActivityView(byId.get(a.id)!, unitNames, venues)) });
  });
  return { staff, public: open };
}
