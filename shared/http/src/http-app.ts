import { isDatabaseUnavailable } from '@grid-dispatch/db';
import { AppError, isExpectedCode, toHttpError } from '@grid-dispatch/errors';
import type { Logger } from '@grid-dispatch/logger';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { securityHeaders } from './security-headers';
import { refuseNulCharacters } from './text-guard';

export interface HttpAppOptions {
  logger: Logger;
  /** Largest JSON body accepted; larger answers 413. */
  bodyLimit?: string;
}

/** An express app with the house conventions: JSON bodies, error bodies of the API (README.md#the-api), no fingerprinting. */
export function createHttpApp(options: HttpAppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Behind the gateway, which sends exactly one X-Forwarded-For address (the client it determined:
  // see the gateway's client-address.ts): trust that one hop and nothing a client wrote.
  app.set('trust proxy', 1);
  app.set('query parser', 'simple');
  app.use(securityHeaders());
  app.use(
    express.json({
      limit: options.bodyLimit ?? '64kb',
      strict: true,
      type: ['application/json', 'application/*+json'],
    }),
  );
  app.use(refuseNulCharacters);
  return app;
}

/** Last in the chain: unknown routes answer a JSON 404 instead of express's HTML page. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`));
};

/**
 * Maps every error to the interface's error body. Body-parser failures become 400/413; a database
 * that cannot be reached becomes 503 with Retry-After, so clients back off instead of hanging.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const mapped = toHttpError(translate(error));
    // An expected wait (figures still being summarised) is information: the error log holds faults.
    if (error instanceof AppError && isExpectedCode(error.code)) {
      logger.info({ code: error.code, method: req.method, path: req.path }, 'request deferred');
    } else if (mapped.status >= 500) {
      logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    }
    if (mapped.retryAfterSeconds !== undefined)
      res.setHeader('Retry-After', String(mapped.retryAfterSeconds));
    res.status(mapped.status).json(mapped.body);
  };
}

function translate(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const type = (error as { type?: string } | null)?.type;
  if (type === 'entity.parse.failed') {
    return new AppError('MALFORMED_REQUEST', 'The request body is not valid JSON.', {
      fields: [{ path: '(body)', message: 'malformed JSON' }],
    });
  }
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', 'The request body is too large.');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new AppError('MALFORMED_REQUEST', 'Unsupported body encoding; send UTF-8 JSON.');
  }
  // A body declared gzip or deflate (Content-Encoding) that does not inflate: zlib's Z_* errors.
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^Z_/.test(code)) {
    return new AppError('MALFORMED_REQUEST', 'The body does not match its Content-Encoding.', {
      fields: [{ path: '(body)', message: 'not valid for its Content-Encoding' }],
    });
  }
  if (isDatabaseUnavailable(error)) {
    return new AppError('DEPENDENCY_UNAVAILABLE', 'The database is unavailable; try again shortly.', {
      cause: error,
      retryAfterSeconds: 5,
    });
  }
  return error;
}
