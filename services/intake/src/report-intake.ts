import { createHash, randomUUID } from 'node:crypto';
import { isDuplicateKeyError, RoutingReference, type TicketDoc } from '@grid-dispatch/db';
import {
  coarseDistanceM,
  type LatLng,
  phoneKey,
  publicSummary,
  routeTicket,
  snappedPosition,
} from '@grid-dispatch/domain';
import { AppError } from '@grid-dispatch/errors';
import { assertStoredPhotosExist } from '@grid-dispatch/http';
import type { IntakeConfig } from './config';
import { findCoveringWorks, PlannedWorksCache, type PlannedWorksNotice } from './covering-works-lookup';
import type { ReportBody } from './http/report.schema';
import type { IntakePlatform } from './intake-platform';
import { hashReporterToken, reporterTokenFor } from './reporter-token';
import { submittedTicket } from './submitted-ticket';

export interface SubmitResult {
  /** 201 both for a new ticket and for a replay of the same Idempotency-Key: the client sees one answer. */
  status: 201;
  body: {
    ticketId: string;
    trackingCode: string;
    reporterToken: string;
    status: string;
    duplicates: Array<{ trackingCode: string; distanceM: number }>;
    /** Planned works already cover this report: it is linked to them, not dispatched as new work. */
    plannedWorks?: PlannedWorksNotice;
  };
}

const MAX_DUPLICATES = 5;

/**
 * Where a report came from: the own form by default, an Open311 client named by its API key, or a
 * hotline agent filing for a caller.
 */
export interface ReportOrigin {
  channel: 'web' | 'open311' | 'hotline';
  /** The Open311 client's name; absent otherwise. */
  clientName?: string;
  /** The agent and the call, for channel 'hotline'. */
  hotline?: { agentId: string; callReference: string };
}

/** Takes a resident's report: checks the category, dedupes by Idempotency-Key, stores the ticket with ticket.submitted in its outbox. */
export class ReportIntake {
  /** The categories, kept in memory until an administrator changes reference data. */
  private readonly reference: RoutingReference;
  /** The running planned works, kept the same way. */
  private readonly plannedWorks: PlannedWorksCache;

  constructor(
    private readonly platform: IntakePlatform,
    private readonly config: IntakeConfig,
  ) {
    this.reference = new RoutingReference(platform.models, platform.referenceStamp);
    this.plannedWorks = new PlannedWorksCache(platform);
  }

  async submit(
    body: ReportBody,
    idempotencyKey: string | null,
    origin: ReportOrigin = { channel: 'web' },
  ): Promise<SubmitResult> {
    const fingerprint = createHash('sha256').update(canonicalJson(body)).digest('hex');
    if (idempotencyKey) {
      const earlier = await this.platform.tickets.findByIdempotencyKey(idempotencyKey);
      if (earlier) return this.replay(earlier, fingerprint);
    }
    const reference = await this.reference.get();
    const category = reference.category(body.category);
    if (!category?.active) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Unknown category "${body.category}"; see GET /api/v1/categories.`,
        {
          fields: [
            { path: 'category', message: category ? 'category is no longer in use' : 'unknown category' },
          ],
        },
      );
    }
    // Who would hold it: refused now, rather than stored for nobody, when the list does not cover it
    // and its district has no duty desk yet (the dispatcher routes it again, the same way).
    const routed = routeTicket({
      category: category._id,
      location: body.location ?? null,
      areas: reference.areas,
      responsibilities: reference.responsibilitiesFor(category._id),
    });
    if (routed.ownerUnitId === null) {
      const district = routed.areaIds.at(-1);
      this.platform.logger.error({ district, category: category._id }, 'report refused: no duty desk');
      throw new AppError(
        'NOT_READY',
        district
          ? `District "${district}" cannot take this report yet: no unit is responsible for it here and the district has no duty desk. Call the district's hotline; an administrator sets the duty desk on the district.`
          : 'No district is set up to take reports yet. An administrator adds the areas and their duty desks first.',
      );
    }
    if (body.photos) await assertStoredPhotosExist(this.platform.models.photos, body.photos);
    // The answer's shape is fixed (tracking codes, as the submitter may follow one instead), but
    // distances are coarse: see `coarseDistanceM`.
    const duplicates = body.location
      ? (await this.nearbyOpenTickets(body.category, body.location)).map(({ trackingCode, distanceM }) => ({
          trackingCode,
          distanceM: coarseDistanceM(distanceM),
        }))
      : [];
    const ticketId = randomUUID();
    const reporterToken = reporterTokenFor(ticketId, this.config.AUTH_SECRET);
    const now = new Date();
    // Planned works of this category over this place: the report is the same work, held until they end.
    const plannedWorks = await findCoveringWorks(
      this.platform,
      this.plannedWorks,
      { category: category._id, location: body.location ?? null, areaIds: routed.areaIds },
      now,
    );
    const ticket = {
      ...submittedTicket({
        ticketId,
        reporterTokenHash: hashReporterToken(reporterToken),
        category,
        description: body.description,
        address: body.address,
        location: body.location,
        photos: body.photos,
        contact: body.contact,
      }),
      channel: origin.channel,
      clientName: origin.clientName ?? null,
      hotline: origin.hotline ?? null,
      ...(body.contact?.phone ? { phoneKey: phoneKey(body.contact.phone) } : {}),
      ...(idempotencyKey ? { idempotencyKey, idempotencyHash: fingerprint } : {}),
      // A held report is placed now (its dispatch places it again), so the area's secretaries see it.
      ...(plannedWorks
        ? { plannedWorksId: plannedWorks.id, plannedWorksReleasedAt: null, areaIds: routed.areaIds }
        : {}),
    };
    try {
      const saved = await this.platform.tickets.insert(ticket, {
        type: 'ticket.submitted',
        payload: {
          hasLocation: Boolean(body.location),
          ...(body.location ? { location: body.location } : {}),
          photoCount: ticket.photos.length,
          ...(plannedWorks ? { plannedWorksId: plannedWorks.id } : {}),
        },
        actor: { kind: 'resident' },
        at: now,
      });
      if (body.location) {
        await this.platform.openTickets
          .add(category._id, ticketId, saved.trackingCode, body.location)
          .catch((err) =>
            this.platform.logger.warn(
              { err: String(err), ticketId },
              'could not index the ticket for duplicates',
            ),
          );
      }
      return {
        status: 201,
        body: {
          ticketId,
          trackingCode: saved.trackingCode,
          reporterToken,
          status: saved.status,
          duplicates,
          ...(plannedWorks ? { plannedWorks } : {}),
        },
      };
    } catch (error) {
      // Two requests with one key raced: the loser answers what the winner stored.
      if (idempotencyKey && isDuplicateKeyError(error)) {
        const winner = await this.platform.tickets.findByIdempotencyKey(idempotencyKey);
        if (winner) return this.replay(winner, fingerprint);
      }
      throw error;
    }
  }

  private replay(earlier: TicketDoc, fingerprint: string): SubmitResult {
    if (earlier.idempotencyHash !== fingerprint) {
      throw new AppError(
        'IDEMPOTENCY_KEY_REUSED',
        'This Idempotency-Key was already used for a different report.',
        {
          fields: [{ path: 'Idempotency-Key', message: 'already used with another body' }],
        },
      );
    }
    return {
      status: 201,
      body: {
        ticketId: earlier._id,
        trackingCode: earlier.trackingCode,
        reporterToken: reporterTokenFor(earlier._id, this.config.AUTH_SECRET),
        status: earlier.status,
        duplicates: [],
      },
    };
  }

  /** Open tickets of the same category within the configured radius, nearest first (exact). */
  async nearbyOpenTickets(category: string, at: LatLng) {
    try {
      return await this.platform.openTickets.near(
        category,
        at,
        this.config.DUPLICATE_RADIUS_M,
        MAX_DUPLICATES,
      );
    } catch (err) {
      // Suggestions are a convenience: a report is never refused because Redis is away.
      this.platform.logger.warn({ err: String(err) }, 'duplicate suggestions unavailable');
      return [];
    }
  }

  /**
   * GET /api/v1/reports/nearby, for anyone: what a resident needs to recognise the same problem
   * (its kind, a short description with contact details taken out, its first photo, how far it
   * has got, when it was reported, roughly how far away, how many others have it too), and a
   * reference to say "I have this too" — but no tracking code and no position: a coarse distance
   * from a snapped position (see `snappedPosition`).
   */
  async publicNearby(category: string, at: LatLng): Promise<PublicNearbyReport[]> {
    const near = await this.nearbyOpenTickets(category, snappedPosition(at));
    const tickets = await Promise.all(
      near.map(({ ticketId }) =>
        this.platform.models.tickets
          .findById(ticketId, {
            status: 1,
            category: 1,
            createdAt: 1,
            description: 1,
            photos: 1,
            supporters: 1,
          })
          .lean(),
      ),
    );
    return near.flatMap(({ distanceM }, i) => {
      const ticket = tickets[i];
      if (!ticket) return [];
      const reportedAt = new Date(ticket.createdAt);
      reportedAt.setUTCMinutes(0, 0, 0);
      // Only a photo stored here: a link elsewhere would tell that server who looked.
      const photo = (ticket.photos ?? []).find((p) => p.startsWith('/api/v1/photos/'));
      return [
        {
          ref: ticket._id,
          category: ticket.category,
          summary: publicSummary(ticket.description ?? ''),
          ...(photo ? { photo } : {}),
          status: ticket.status,
          reportedAt: reportedAt.toISOString(),
          distanceM: coarseDistanceM(distanceM),
          supporters: ticket.supporters ?? 0,
        },
      ];
    });
  }
}

/** One open report near a position, as anyone may see it. */
export interface PublicNearbyReport {
  /** What "I have this too" names (POST /api/v1/reports/nearby/{ref}/support). */
  ref: string;
  category: string;
  /** The description, contact details taken out, cut short. */
  summary: string;
  /** The first photo stored with it (a path of GET /api/v1/photos/{id}). */
  photo?: string;
  status: string;
  /** When it was reported, to the hour. */
  reportedAt: string;
  /** Rounded up to 50 m. */
  distanceM: number;
  /** Residents who said "I have this too". */
  supporters: number;
}

/** JSON with sorted keys, so the same report sent with fields in another order has the same fingerprint. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
