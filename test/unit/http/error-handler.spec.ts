import assert from 'node:assert/strict';
import { AppError } from '@grid-dispatch/errors';
import { errorHandler } from '@grid-dispatch/http';
import type { Logger } from '@grid-dispatch/logger';
import type { NextFunction, Request, Response } from 'express';

interface Answer {
  status?: number;
  headers: Record<string, string>;
  body?: unknown;
}

/** Runs the handler on one error and returns the answer and what it logged, by level. */
function handle(error: unknown): { answer: Answer; logged: Record<string, string[]> } {
  const logged: Record<string, string[]> = {};
  const record = (level: string) => (_fields: unknown, msg: string) => {
    logged[level] = [...(logged[level] ?? []), msg];
  };
  const logger = { info: record('info'), warn: record('warn'), error: record('error') } as unknown as Logger;
  const answer: Answer = { headers: {} };
  const res = {
    setHeader(name: string, value: string) {
      answer.headers[name] = value;
    },
    status(code: number) {
      answer.status = code;
      return this;
    },
    json(body: unknown) {
      answer.body = body;
    },
  } as unknown as Response;
  const req = { method: 'GET', path: '/api/v1/kpis' } as Request;
  errorHandler(logger)(error, req, res, (() => undefined) as NextFunction);
  return { answer, logged };
}

describe('error handler: what reaches the error log', () => {
  it('figures still being summarised answer 503 with Retry-After and are logged as information', () => {
    const { answer, logged } = handle(
      new AppError('KPI_PREPARING', 'The figures are being summarised.', { retryAfterSeconds: 1 }),
    );
    assert.equal(answer.status, 503);
    assert.equal(answer.headers['Retry-After'], '1');
    assert.deepEqual(logged, { info: ['request deferred'] });
  });

  it('a dependency that cannot be reached is logged as an error', () => {
    const { answer, logged } = handle(new AppError('DEPENDENCY_UNAVAILABLE', 'The database is unavailable.'));
    assert.equal(answer.status, 503);
    assert.deepEqual(logged, { error: ['request failed'] });
  });

  it('a fault of our own is logged as an error; a client mistake is not logged', () => {
    assert.deepEqual(handle(new Error('boom')).logged, { error: ['request failed'] });
    assert.deepEqual(handle(new AppError('NOT_FOUND', 'No such ticket.')).logged, {});
  });
});
