import assert from 'node:assert/strict';
import { AppError } from '@grid-dispatch/errors';
import {
  open311FieldName,
  open311StatusFor,
  toOpen311Errors,
} from '@grid-dispatch/intake/dist/open311/open311-errors';

describe('Open311: error mapping', () => {
  const statuses: Array<[AppError['code'], number]> = [
    ['MALFORMED_REQUEST', 400],
    ['VALIDATION_FAILED', 400],
    ['IDEMPOTENCY_KEY_REUSED', 400],
    ['UNSUPPORTED_MEDIA_TYPE', 400],
    ['UNAUTHENTICATED', 403],
    ['FORBIDDEN', 403],
    ['NOT_FOUND', 404],
    ['PAYLOAD_TOO_LARGE', 413],
    ['TOO_MANY_REQUESTS', 429],
    ['NOT_READY', 503],
    ['DEPENDENCY_UNAVAILABLE', 503],
  ];
  for (const [code, status] of statuses) {
    it(`answers ${code} with ${status}`, () => assert.equal(open311StatusFor(code), status));
  }

  it('names the Open311 form field behind each of our report fields', () => {
    const names: Array<[string, string]> = [
      ['category', 'service_code'],
      ['location.lat', 'lat'],
      ['location.lng', 'long'],
      ['location', 'lat'],
      ['address', 'address_string'],
      ['photos[0]', 'media_url'],
      ['photos', 'media_url'],
      ['contact.name', 'first_name'],
      ['contact.phone', 'phone'],
      ['description', 'description'],
      ['Idempotency-Key', 'Idempotency-Key'],
    ];
    for (const [ours, theirs] of names) assert.equal(open311FieldName(ours), theirs, ours);
  });

  it('gives one entry per field, in Open311 terms', () => {
    const answer = toOpen311Errors(
      new AppError('VALIDATION_FAILED', 'Unknown category', {
        fields: [
          { path: 'category', message: 'unknown category' },
          { path: 'location.lng', message: 'longitude must be between -180 and 180' },
        ],
      }),
    );
    assert.deepEqual(answer, {
      status: 400,
      errors: [
        { code: 400, description: 'service_code: unknown service_code; see services.json' },
        { code: 400, description: 'long: longitude must be between -180 and 180' },
      ],
    });
  });

  it('gives the message when no field is named, and keeps Retry-After', () => {
    const answer = toOpen311Errors(
      new AppError('DEPENDENCY_UNAVAILABLE', 'The database is unavailable.', { retryAfterSeconds: 5 }),
    );
    assert.deepEqual(answer, {
      status: 503,
      errors: [{ code: 503, description: 'The database is unavailable.' }],
      retryAfterSeconds: 5,
    });
  });

  it('tells nothing about an unexpected error', () => {
    const answer = toOpen311Errors(new Error('connection string mongodb://secret@db'));
    assert.equal(answer.status, 500);
    assert.doesNotMatch(JSON.stringify(answer), /secret/);
  });
});
