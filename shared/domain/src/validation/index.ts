/** Field-level validation errors and free-text checks shared by every validator. */
export * from './field-error';
export * from './text-field.validator';
