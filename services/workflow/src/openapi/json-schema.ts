import { z } from '@grid-dispatch/config';

type Json = Record<string, unknown>;
type ZodTypeDef = { type: string; catchall?: unknown; in?: z.ZodType; out?: z.ZodType; entries?: object };

/** Where a named schema lives in the document; references between components point there. */
export const componentRef = (name: string) => `#/components/schemas/${name}`;

/**
 * JSON Schemas (OpenAPI 3.1 = JSON Schema 2020-12) of named zod schemas, for the document's
 * `components.schemas`. A named schema used inside another becomes a `$ref` to its component;
 * `.describe()` and `.meta()` texts come along as descriptions.
 *
 * - `input`: request bodies, as the server accepts them (defaults make a field optional).
 * - `output`: answers, as the server sends them. A plain `z.object` is documented open (the API
 *   changes only by addition, so an answer may gain fields); a strict one closed (it lists every
 *   field there is, as the views that must never carry personal data do).
 *
 * A string piped into an enum (checked as a string first, for a 400 on the wrong type and a 422
 * on an unknown value) is documented with the enum's values.
 */
export function componentSchemas(schemas: Record<string, z.ZodType>, io: 'input' | 'output'): Json {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(schemas)) registry.add(schema, { id });
  const { schemas: converted } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    uri: componentRef,
    override: ({ zodSchema, jsonSchema }) => {
      const def = zodSchema._zod.def as ZodTypeDef;
      if (io === 'output' && def.type === 'object' && def.catchall === undefined) {
        delete jsonSchema.additionalProperties;
      }
      const target = def.type === 'pipe' ? (def.out?._zod.def as ZodTypeDef | undefined) : undefined;
      if (def.in?._zod.def.type === 'string' && target?.type === 'enum' && target.entries) {
        jsonSchema.enum = Object.values(target.entries);
      }
    },
  });
  // Only a schema that contains itself would need a definition outside the named components.
  if ('__shared' in converted) throw new Error('a body or answer schema contains itself');
  return Object.fromEntries(
    Object.entries(converted).map(([id, schema]) => {
      // Each component is a part of the document, not a document of its own.
      const { $schema: _schema, $id: _id, ...rest } = schema as Json;
      return [id, rest];
    }),
  );
}
