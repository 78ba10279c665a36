import type { FieldError } from '@grid-dispatch/domain';

/**
 * The server's field errors (`{error:{fields:[{path, message}]}}`) keyed by path, so each form
 * input can show its own. Paths such as `name.zh` or `boundary.coordinates[0][3]` are also
 * reported under their first segment, so an input for the whole value shows nested problems.
 */
export function fieldMap(fields: readonly FieldError[] | undefined) {
  const map: Record<string, string> = {};
  for (const f of fields ?? []) {
    const add = (key: string) => {
      map[key] = map[key] ? `${map[key]}; ${f.message}` : f.message;
    };
    add(f.path);
    const head = f.path.split(/[.[]/)[0]!;
    if (head !== f.path) add(`${head}*`);
  }
  return map;
}

/** The message for an input: its own path, else anything nested under it. */
export function fieldError(map: Record<string, string>, path: string): string | undefined {
  return map[path] ?? map[`${path}*`];
}
