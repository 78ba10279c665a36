/** Field-level validation errors and free-text checks shared by every validator. */

export * from './contact-redaction';
export * from './field-error';
export * from './public-summary';
export * from './report-draft';
export * from './text-field.validator';
