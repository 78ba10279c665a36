import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { z } from 'zod';
import { HOLE, serverFieldMessages, unknownFieldHelpers } from '../../support/server-field-messages';
import { loadWebModule } from '../../support/web-module';

const { fieldText, sayFieldMessage } = loadWebModule<{
  fieldText(message: string): { key: string } | null;
  sayFieldMessage(message: string, say: (key: string) => string | undefined): string;
}>('lib/field-text');
const { textIn, addMessages } = loadWebModule<{
  textIn(lang: 'zh' | 'en', key: string): string | undefined;
  addMessages(messages: unknown): void;
}>('lib/messages');
// The catalogues the field messages are said from: their own, and the admin pages' role and level
// names (that file registers through lib/i18n, which also loads components: only its table is run).
loadWebModule('lib/field-messages');
loadMessageTable('admin/messages.ts');

function loadMessageTable(relPath: string): void {
  const file = path.resolve(__dirname, '..', '..', '..', '..', 'services/live/web/src', relPath);
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
  });
  new Function('require', 'exports', outputText)(() => ({ addMessages }), {});
}

/**
 * What zod itself says for the checks the request schemas use without a message of their own
 * (`.min(1).max(200)`, enums, integers…): taken from zod, so a new zod wording shows up here.
 */
function zodDefaults(): string[] {
  const cases: Array<[z.ZodType, unknown]> = [
    [z.string().min(3), ''],
    [z.string().max(3), 'abcdef'],
    [z.string().length(2), 'abc'],
    [z.array(z.string()).min(1), []],
    [z.array(z.string()).max(1), ['a', 'b']],
    [z.number().min(1), 0],
    [z.number().max(3), 9],
    [z.number().positive(), 0],
    [z.number().int(), 1.5],
    [z.string().regex(/^a$/), 'b'],
    [z.string().pipe(z.enum(['a', 'b'])), 'c'],
    [z.email(), 'x'],
    [z.url(), 'x'],
    [z.iso.datetime(), 'x'],
    [z.string(), 3],
    [z.number(), 'x'],
    [z.boolean(), 'x'],
    [z.array(z.string()), 'x'],
    [z.object({}), 'x'],
    [z.literal(true), false],
    [z.union([z.string(), z.number()]), true],
  ];
  return cases.flatMap(
    ([schema, value]) => schema.safeParse(value).error?.issues.map((i) => i.message) ?? [],
  );
}

/** The message with its holes filled: a number first, a name if no number fits the pattern. */
function filled(text: string): { sample: string; values: string[] } | null {
  for (const value of ['37', 'x-37']) {
    const sample = text.replaceAll(HOLE, value);
    if (fieldText(sample)) return { sample, values: text.includes(HOLE) ? [value] : [] };
  }
  return null;
}

const HAN = /\p{Script=Han}/u;

/** Every message the server can put under a field reads in both languages, with its values. */
describe('web: every server field message reads in Chinese and English', function () {
  // Parsing every service's sources takes a few seconds.
  this.timeout(60_000);
  const { messages: scanned, untraced } = serverFieldMessages();
  const messages = [
    ...new Map(
      [...scanned, ...zodDefaults().map((text) => ({ text, at: 'zod default' }))].map((m) => [m.text, m]),
    ).values(),
  ];

  it('finds the messages of every kind of source', () => {
    assert.ok(
      messages.length > 150,
      `only ${messages.length} messages found: has the scan lost a kind of source?`,
    );
    const texts = new Set(messages.map((m) => m.text));
    // One of each: a zod message, a hand-written detail, a domain validator's, a `…Problem` function's.
    for (const known of [
      'not a valid Chinese mobile or landline number',
      'is the lead unit; a unit cannot assist itself',
      'must be closed: the last position must equal the first',
      'is one of the most common passwords; choose another',
      `must have at most ${HOLE} positions`,
    ])
      assert.ok(texts.has(known), `the scan misses: ${known}`);
  });

  it('traces every message handed on from elsewhere to where it is written', () => {
    // A message position holding a value computed elsewhere is listed here with where its texts
    // are read from; a new one fails until its source is scanned too.
    assert.deepEqual(untraced, [
      // Helpers' own parameters: their callers' texts are read (FIELD_HELPERS).
      'services/intake/src/open311/open311-errors.ts: message',
      'services/intake/src/open311/open311-keys.ts: message',
      // parseW3cDateTime's reasons (MESSAGE_SOURCES).
      'services/intake/src/open311/open311-search-query.ts: parsed.reason',
      // triageNeed's, advanceProject's and changeMilestone's outcomes (MESSAGE_SOURCES).
      'services/workflow/src/committee/needs.routes.ts: outcome.message',
      'services/workflow/src/committee/projects.routes.ts: outcome.message',
      'services/workflow/src/export/export-query.ts: why',
      'services/workflow/src/http/admin/admin.common.ts: message',
      // passwordProblem's answers (a …Problem function).
      'services/workflow/src/http/admin/admin.schemas.ts: problem',
      'services/workflow/src/http/admin/users.routes.ts: problem',
      // Not a field's message: the OpenAPI document's schema ids and the error body's own schema.
      'services/workflow/src/openapi/json-schema.ts: { id }',
      'shared/contracts/src/http-api.schema.ts: z.string()',
      // fixedOffsetMinutes's answers (MESSAGE_SOURCES).
      'shared/domain/src/calendar/calendar-definition.ts: result',
      // positionProblem's and selfIntersectionProblem's answers.
      'shared/domain/src/geo/polygon.validator.ts: problem',
      'shared/domain/src/lifecycle/lifecycle-input.validator.ts: message',
      'shared/domain/src/validation/field-error.ts: message',
      // zod's issues: the schemas' own messages and zod's wording (zodDefaults).
      'shared/http/src/request-validation.ts: issue.message',
      'shared/http/src/text-guard.ts: message',
    ]);
  });

  it('knows every helper that builds a field problem', () => {
    assert.deepEqual(unknownFieldHelpers(), [], 'helpers to add to FIELD_HELPERS in the scan');
  });

  it('has a key for every message', () => {
    const unknown = messages.filter((m) => filled(m.text) === null).map((m) => `${m.at}: ${m.text}`);
    assert.deepEqual(unknown, [], 'messages field-text.ts does not know');
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`says every message in ${lang}, with the values the server named`, () => {
      const problems: string[] = [];
      for (const m of messages) {
        const fill = filled(m.text);
        if (!fill) continue;
        const key = fieldText(fill.sample)!.key;
        if (textIn(lang, key) === undefined) {
          problems.push(`${key} has no ${lang} text (${m.at})`);
          continue;
        }
        const said = sayFieldMessage(fill.sample, (k) => textIn(lang, k));
        for (const v of fill.values) if (!said.includes(v)) problems.push(`${key} drops the value: ${said}`);
        if (lang === 'zh' && !HAN.test(said)) problems.push(`${key} is not Chinese: ${said}`);
        if (/\{\w+\}/.test(said)) problems.push(`${key} leaves a placeholder: ${said}`);
      }
      assert.deepEqual(problems, []);
    });
  }

  it('says the codes inside a message by their names', () => {
    const zh = (message: string) => sayFieldMessage(message, (k) => textIn('zh', k));
    assert.equal(zh('a grid needs a parent community'), '网格须有上级社区');
    assert.equal(zh('a unit_member has no area'), '单位成员不管辖区域');
    assert.equal(
      zh(
        'Invalid ISO-8601 duration "P1Y": years and months are not supported because their length varies; use days or weeks',
      ),
      '时长“P1Y”无效：年、月的长度不固定，请改用天或周',
    );
    assert.equal(zh('Too small: expected string to have >=1 characters'), '至少 1 个字');
  });
});
