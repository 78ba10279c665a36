import { documentSchemas } from './components';
import { paths } from './paths';

/**
 * The OpenAPI 3.1 document of the public API, served at /api/v1/openapi.json. Its request bodies
 * and answers are generated from the zod schemas the services parse and build them with
 * (components.ts); a test exercises every operation in it against the running system and checks
 * each answer against its schema, so the document cannot drift from the code unnoticed.
 */
export function openApiDocument(extraPaths: Record<string, unknown> = {}) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'grid-dispatch',
      version: '1',
      description:
        'Issue dispatch for neighbourhood governance. Errors are {error:{code,message,fields?}}; lists are {items,nextCursor} with ?limit= (≤ 100) and ?cursor=.',
    },
    servers: [{ url: '/' }],
    components: {
      schemas: documentSchemas(),
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    },
    paths: { ...paths, ...extraPaths },
  };
}
