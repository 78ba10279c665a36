/**
 * One problem with one input field, in the shape the public API puts into `error.fields`.
 *
 * `path` uses JavaScript accessor syntax rooted at the request body (`boundary.coordinates[0][3]`,
 * `note`) so a client can point at the exact offending value.
 *
 * The one declaration of this shape: the domain's validators return it, AppError carries it, the
 * wire schema in contracts is checked against it and the web pages read it, so a change to what a
 * field problem says is made here and the compiler finds every place it reaches.
 */
export interface FieldError {
  path: string;
  message: string;
}

/** Builds a {@link FieldError}; exists so call sites read as one line. */
export function fieldError(path: string, message: string): FieldError {
  return { path, message };
}
