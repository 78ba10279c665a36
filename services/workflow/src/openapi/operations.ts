import { type ComponentName, ref } from './components';

/** The pieces the path files build operations from; schemas are always components (see components.ts). */
export type Json = Record<string, unknown>;

export const json = (schema: Json) => ({ content: { 'application/json': { schema } } });

/** A JSON request body: the component generated from the zod schema the route parses it with. */
export const body = (name: ComponentName) => ({ required: true, ...json(ref(name)) });

/** An answer whose JSON body is the named component. */
export const answer = (description: string, name: ComponentName) => ({ description, ...json(ref(name)) });

/** An error answer: `{error: {code, message, fields?}}`. */
export const error = (description: string) => answer(description, 'Error');

export const bearer = [{ bearer: [] }];

const text = { type: 'string' } as const;

export const pathParam = (name: string, schema: Json = text) => ({
  name,
  in: 'path',
  required: true,
  schema,
});

export const queryParam = (name: string, description?: string, required = false) => ({
  name,
  in: 'query',
  required,
  schema: text,
  ...(description ? { description } : {}),
});
