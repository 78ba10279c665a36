import { isDatabaseUnavailable } from '@grid-dispatch/db';
import { AppError } from '@grid-dispatch/errors';
import { type ClientThrottle, parseBody } from '@grid-dispatch/http';
import type { Logger } from '@grid-dispatch/logger';
import express, { type ErrorRequestHandler, type Request, type Response, Router } from 'express';
import { reportBodySchema } from '../http/report.schema';
import type { IntakePlatform } from '../intake-platform';
import type { ReportIntake } from '../report-intake';
import { normalizeTrackingCode } from '../tracking-code';
import { badField, toOpen311Errors } from './open311-errors';
import {
  discoveryXml,
  listXml,
  type Open311Format,
  sendOpen311,
  sendOpen311Errors,
  serviceDefinitionXml,
  splitFormat,
} from './open311-format';
import { open311ClientFor } from './open311-keys';
import { parseOpen311Form } from './open311-request-form';
import { open311Names, searchTickets } from './open311-search';
import { parseRequestSearch } from './open311-search-query';
import { discoveryView, serviceView } from './service-list';
import { OPEN311_TICKET_FIELDS, serviceRequestView, type TicketForOpen311 } from './service-request-view';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const TICKET_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const FORMATS = '.json or .xml';

/**
 * Open311 GeoReport v2, mounted at /open311/v2 (README.md#open311-georeport-v2): discovery, the
 * service list, filing a request with an API key (through the same ReportIntake as the own form)
 * and reading requests back without personal data. Every answer, errors included, comes in the
 * format the path's extension asks for.
 */
export function open311Router(
  platform: IntakePlatform,
  intake: ReportIntake,
  reads: ClientThrottle,
  logger: Logger,
): Router {
  const router = Router();
  router.use(express.urlencoded({ extended: false, limit: '64kb', parameterLimit: 100 }));

  /** The format the path asks for (the error handler has no route parameters to read it from). */
  const formatOf = (req: Request): Open311Format =>
    splitFormat(req.path.split('/').pop() ?? '')?.format ?? 'json';

  /** The resource named by the last path segment, or a 404 naming the formats. */
  function resource(req: Request, what: string): { name: string; format: Open311Format } {
    const file = String(req.params.file ?? '');
    const split = splitFormat(file);
    if (!split) throw new AppError('NOT_FOUND', `No ${what} "${file}": end the path in ${FORMATS}.`);
    return split;
  }

  router.get('/:file', async (req, res) => {
    const { name, format } = resource(req, 'resource');
    if (name === 'discovery') {
      const view = discoveryView(`${req.protocol}://${req.host}${req.baseUrl}`);
      return sendOpen311(res, format, 200, view, () => discoveryXml(view));
    }
    if (name === 'services') {
      const categories = await platform.models.categories
        .find({ active: true })
        .sort({ priority: 1, _id: 1 })
        .lean()
        .exec();
      const services = categories.map(serviceView);
      return sendOpen311(res, format, 200, services, () => listXml('services', 'service', services));
    }
    if (name === 'requests') {
      await reads.take(req.ip ?? 'unknown');
      const search = parseRequestSearch(req.query, new Date());
      if (search.kind === 'window' && search.serviceCodes) await assertKnownServices(search.serviceCodes);
      const [tickets, names] = await Promise.all([searchTickets(platform, search), open311Names(platform)]);
      return sendRequests(res, format, tickets, names);
    }
    throw new AppError('NOT_FOUND', `No resource "${name}"; see discovery.json.`);
  });

  router.get('/:dir/:file', async (req, res) => {
    const { dir } = req.params;
    if (dir === 'services') {
      // Categories have no attributes (metadata false): a known code's definition lists none.
      const { name: code, format } = resource(req, 'service');
      const category = await platform.models.categories.findById(code, { active: 1 }).lean().exec();
      if (!category?.active)
        throw new AppError('NOT_FOUND', `service_code: no service "${code}"; see services.json.`);
      const definition = { service_code: code, attributes: [] };
      return sendOpen311(res, format, 200, definition, () => serviceDefinitionXml(code));
    }
    if (dir === 'requests') {
      await reads.take(req.ip ?? 'unknown');
      const { name: id, format } = resource(req, 'request');
      const code = normalizeTrackingCode(id);
      if (!code) throw badField('service_request_id', `"${id.slice(0, 40)}" is not a request id`);
      const ticket = await platform.models.tickets
        .findOne({ trackingCode: code }, OPEN311_TICKET_FIELDS)
        .lean<TicketForOpen311>()
        .exec();
      if (!ticket) throw new AppError('NOT_FOUND', `service_request_id: no request "${code}".`);
      return sendRequests(res, format, [ticket], await open311Names(platform));
    }
    if (dir === 'tokens') {
      await reads.take(req.ip ?? 'unknown');
      const { name: token, format } = resource(req, 'token');
      if (!TICKET_ID.test(token)) throw badField('token', 'not a token given by this endpoint');
      const ticket = await platform.models.tickets.findById(token, { trackingCode: 1 }).lean().exec();
      if (!ticket) throw new AppError('NOT_FOUND', `token: no request has the token "${token}".`);
      const answer = [{ service_request_id: ticket.trackingCode, token }];
      return sendOpen311(res, format, 200, answer, () => listXml('service_requests', 'request', answer));
    }
    throw new AppError('NOT_FOUND', `No resource "${dir}/${req.params.file}"; see discovery.json.`);
  });

  router.post('/:file', async (req, res) => {
    const { name, format } = resource(req, 'resource');
    if (name !== 'requests')
      throw new AppError(
        'NOT_FOUND',
        `No resource "${name}" takes a POST; use requests.json or requests.xml.`,
      );
    if (!req.is('application/x-www-form-urlencoded')) {
      throw badField('(body)', 'send the fields as application/x-www-form-urlencoded');
    }
    const form = parseOpen311Form((req.body ?? {}) as Record<string, unknown>);
    const client = await open311ClientFor(platform, form.apiKey);
    const key = req.header('idempotency-key') ?? null;
    if (key !== null && !IDEMPOTENCY_KEY.test(key)) {
      throw badField('Idempotency-Key', 'must be 1–200 printable ASCII characters');
    }
    const body = parseBody(reportBodySchema, form.report);
    // Keys of different clients never meet (nor those of the own form).
    const scopedKey = key === null ? null : `open311:${client.keyId}:${key}`;
    const result = await intake.submit(body, scopedKey, { channel: 'open311', clientName: client.name });
    const works = result.body.plannedWorks;
    const notice = works
      ? `Planned works by ${works.unitName.en} until ${works.endsAt} cover this place: ${works.notice.en}`
      : result.body.duplicates.length > 0
        ? `${result.body.duplicates.length} open request(s) of this service were reported nearby.`
        : undefined;
    const answer = [
      {
        service_request_id: result.body.trackingCode,
        token: result.body.ticketId,
        ...(notice ? { service_notice: notice } : {}),
      },
    ];
    sendOpen311(res, format, 201, answer, () => listXml('service_requests', 'request', answer));
  });

  async function assertKnownServices(codes: string[]): Promise<void> {
    const found = await Promise.all(codes.map((c) => platform.models.categories.exists({ _id: c }).exec()));
    const unknown = codes.filter((_, i) => !found[i]);
    if (unknown.length > 0) {
      throw new AppError('MALFORMED_REQUEST', `service_code: unknown ${unknown.join(', ')}`, {
        fields: unknown.map((c) => ({
          path: 'service_code',
          message: `unknown service "${c}"; see services.json`,
        })),
      });
    }
  }

  router.use((req, _res, next) => {
    next(new AppError('NOT_FOUND', `No Open311 resource for ${req.method} ${req.path}; see discovery.json.`));
  });

  const errors: ErrorRequestHandler = (error, req, res, _next) => {
    const answer = toOpen311Errors(translate(error));
    if (answer.status >= 500)
      logger.error({ err: error, method: req.method, path: req.path }, 'open311 request failed');
    sendOpen311Errors(res, formatOf(req), answer);
  };
  router.use(errors);
  return router;
}

function sendRequests(
  res: Response,
  format: Open311Format,
  tickets: TicketForOpen311[],
  names: Awaited<ReturnType<typeof open311Names>>,
): void {
  const requests = tickets.map((t) =>
    serviceRequestView(t, { service: names.service(t.category), agency: names.agency(t.unitId) }),
  );
  sendOpen311(res, format, 200, requests, () => listXml('service_requests', 'request', requests));
}

/** Body-parser and store failures as our error codes (as the API's own error handler does). */
function translate(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
  if (type === 'parameters.too.many') return badField('(body)', 'too many fields');
  if (
    (typeof type === 'string' && type.startsWith('entity.')) ||
    type === 'encoding.unsupported' ||
    type === 'charset.unsupported'
  ) {
    return badField('(body)', 'not a readable application/x-www-form-urlencoded body in UTF-8');
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError('DEPENDENCY_UNAVAILABLE', 'The database is unavailable; try again shortly.', {
      retryAfterSeconds: 5,
    });
  }
  return error;
}
