import { type FieldError, fieldError } from '../validation/field-error';
import { checkText, isNonBlankString } from '../validation/text-field.validator';

/** Most photos one fix report may carry. */
export const MAX_PHOTOS = 20;
/** Longest photo URL accepted. */
export const MAX_PHOTO_URL_LENGTH = 2048;
/** Longest id (unit, ticket) accepted in a command. */
export const MAX_ID_LENGTH = 200;

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * True when `value` is an ISO-8601 date-time with an explicit offset (`2025-03-01T08:00:00Z`).
 * A bare local time is rejected: deadlines must not depend on the server's time zone.
 */
export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * Collects field errors and normalised values for one command, so a handler can check every field
 * and report all problems in one answer.
 */
export class InputCollector {
  readonly errors: FieldError[] = [];

  /** Trimmed text, or `undefined` (with an error recorded when the field was required). */
  text(value: unknown, path: string, required: boolean): string | undefined {
    const check = checkText(value, path, required);
    if (!check.ok) {
      this.errors.push(check.error);
      return undefined;
    }
    return check.value;
  }

  /** A required id such as `unitId` or `intoTicketId`, trimmed. */
  id(value: unknown, path: string): string | undefined {
    if (!isNonBlankString(value)) {
      this.errors.push(fieldError(path, 'is required and must be a non-blank string'));
      return undefined;
    }
    const trimmed = value.trim();
    if (trimmed.length > MAX_ID_LENGTH) {
      this.errors.push(fieldError(path, `must be at most ${MAX_ID_LENGTH} characters`));
      return undefined;
    }
    return trimmed;
  }

  /** A list of ids, trimmed; `undefined` input counts as empty. */
  idList(value: unknown, path: string): string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.errors.push(fieldError(path, 'must be an array of ids'));
      return [];
    }
    const ids: string[] = [];
    value.forEach((item: unknown, index) => {
      const id = this.id(item, `${path}[${index}]`);
      if (id !== undefined) ids.push(id);
    });
    return ids;
  }

  /** A required boolean such as `solved` or `approve`. */
  boolean(value: unknown, path: string): boolean | undefined {
    if (typeof value !== 'boolean') {
      this.errors.push(fieldError(path, 'is required and must be true or false'));
      return undefined;
    }
    return value;
  }

  /** A required ISO-8601 instant such as `resolveBy` or `now`. */
  instant(value: unknown, path: string): string | undefined {
    if (!isIsoInstant(value)) {
      this.errors.push(
        fieldError(path, 'must be an ISO-8601 date-time with a time zone, e.g. 2025-03-01T08:00:00Z'),
      );
      return undefined;
    }
    return value;
  }

  /** One of a fixed set of strings. */
  oneOf<T extends string>(value: unknown, path: string, allowed: readonly T[]): T | undefined {
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.errors.push(fieldError(path, `must be one of ${allowed.map((a) => `"${a}"`).join(', ')}`));
      return undefined;
    }
    return value as T;
  }

  /** Optional photo URLs: at most {@link MAX_PHOTOS} non-blank strings. */
  photos(value: unknown, path: string): string[] | undefined {
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) {
      this.errors.push(fieldError(path, 'must be an array of photo URLs'));
      return undefined;
    }
    if (value.length > MAX_PHOTOS) {
      this.errors.push(fieldError(path, `must have at most ${MAX_PHOTOS} photos`));
      return undefined;
    }
    const photos: string[] = [];
    value.forEach((item: unknown, index) => {
      if (!isNonBlankString(item) || item.length > MAX_PHOTO_URL_LENGTH) {
        this.errors.push(
          fieldError(
            `${path}[${index}]`,
            `must be a non-blank URL of at most ${MAX_PHOTO_URL_LENGTH} characters`,
          ),
        );
      } else {
        photos.push(item.trim());
      }
    });
    return photos;
  }

  /** Records a semantic problem found after the shape checks. */
  add(path: string, message: string): void {
    this.errors.push(fieldError(path, message));
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }
}
