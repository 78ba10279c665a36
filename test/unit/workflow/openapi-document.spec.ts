import assert from 'node:assert/strict';
import { feedbackBodySchema, reportBodySchema } from '@grid-dispatch/intake/dist/http/report.schema';
import { ACTION_BODIES } from '@grid-dispatch/workflow/dist/http/action-bodies';
import {
  calendarBody,
  userBody,
  userUpdateBody,
} from '@grid-dispatch/workflow/dist/http/admin/admin.schemas';
import { adminPaths } from '@grid-dispatch/workflow/dist/openapi/admin-paths';
import { kpiPaths } from '@grid-dispatch/workflow/dist/openapi/kpi-paths';
import { open311Paths } from '@grid-dispatch/workflow/dist/openapi/open311-paths';
import { openApiDocument } from '@grid-dispatch/workflow/dist/openapi/openapi.document';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { z } from 'zod';

/**
 * The OpenAPI document's bodies are generated from the zod schemas the routes parse them with
 * (the end-to-end test checks the answers against the running system). Here, without servers:
 * the document is sound, and the document and the parser agree on what a body may be.
 */
describe('the OpenAPI document', function () {
  // Compiling the whole document takes a second or two on a busy machine.
  this.timeout(30000);
  const doc = openApiDocument({ ...adminPaths, ...kpiPaths, ...open311Paths }) as any;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'doc');
  const component = (name: string) => {
    const validate = ajv.getSchema(`doc#/components/schemas/${name}`);
    assert.ok(validate, `component ${name}`);
    return validate;
  };

  it('compiles: every schema and every reference in it resolves', () => {
    const schemas = Object.keys(doc.components.schemas);
    assert.ok(schemas.length > 50);
    for (const name of schemas) component(name);
    const json = JSON.stringify(doc);
    for (const [, name] of json.matchAll(/"#\/components\/schemas\/([^"]+)"/g)) {
      assert.ok(doc.components.schemas[name!], `${name} is defined`);
    }
    assert.doesNotMatch(json, /"\$schema"|"\$id"/, 'components are parts of the document, not documents');
  });

  it('takes every JSON request body and answer from a component', () => {
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(operations)) {
        const bodySchema = op.requestBody?.content?.['application/json']?.schema;
        if (bodySchema) assert.ok(bodySchema.$ref, `${method} ${path} request body`);
        for (const [status, answer] of Object.entries(op.responses as Record<string, any>)) {
          const schema = answer.content?.['application/json']?.schema;
          if (schema && op.operationId !== 'openapi') assert.ok(schema.$ref, `${method} ${path} ${status}`);
        }
      }
    }
  });

  /** Bodies the parser and the document must judge alike (refinements in code aside). */
  const samples: Array<[string, z.ZodType, unknown, boolean]> = [
    [
      'ReportCreate',
      reportBodySchema,
      { category: 'road_collapse', description: 'a hole', address: 'Main St 1' },
      true,
    ],
    [
      'ReportCreate',
      reportBodySchema,
      { category: 'road_collapse', description: 'hole', address: 'x y' },
      false,
    ],
    [
      'ReportCreate',
      reportBodySchema,
      { category: 'x', description: 'a hole', address: 'here', extra: 1 },
      false,
    ],
    ['Feedback', feedbackBodySchema, { reporterToken: 't', rating: 'satisfied' }, true],
    ['Feedback', feedbackBodySchema, { reporterToken: 't', rating: 'great' }, false],
    ['Action_accept', ACTION_BODIES.accept, {}, true],
    ['Action_accept', ACTION_BODIES.accept, { note: 'x' }, false],
    ['Action_decide', ACTION_BODIES.decide, { request: 'return', approve: true, unitId: 'water' }, true],
    ['Action_decide', ACTION_BODIES.decide, { request: 'other', approve: true }, false],
    ['Action_verify', ACTION_BODIES.verify, { solved: 'yes' }, false],
    [
      'UserCreate',
      userBody,
      { username: 'doc.member', password: 'doc-password-1', displayName: 'Doc', role: 'admin' },
      true,
    ],
    ['UserCreate', userBody, { username: 'doc.member', displayName: 'Doc', role: 'admin' }, false],
    [
      'UserCreate',
      userBody,
      { username: 'doc.member', password: 'doc-password-1', displayName: 'Doc', role: 'boss' },
      false,
    ],
    ['UserUpdate', userUpdateBody, { username: 'doc.member', displayName: 'Doc', role: 'admin' }, true],
    [
      'CalendarPut',
      calendarBody,
      { name: { zh: '历', en: 'Cal' }, timezone: 'Asia/Shanghai', officeHours: [], years: [] },
      false,
    ],
  ];
  for (const [name, schema, value, documented] of samples) {
    it(`${documented ? 'takes' : 'refuses'} ${JSON.stringify(value)} as ${name}, as the parser's schema does`, () => {
      assert.equal(component(name)(value), documented, ajv.errorsText(component(name).errors));
      assert.equal(schema.safeParse(value).success, documented);
    });
  }
});
