import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ERROR_CODES } from '@grid-dispatch/errors';

const MESSAGES = path.resolve(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'services/live/web/src/lib/common-messages.ts',
);

/** The text of one language's block of the pages' shared messages. */
function block(text: string, lang: 'zh' | 'en'): string {
  const start = text.indexOf(`\n  ${lang}: {`);
  assert.ok(start >= 0, `a ${lang} block`);
  return text.slice(start, text.indexOf('\n  },', start));
}

/** Every error the server can answer reads as a sentence in both languages, never as its code. */
describe('web: every server error code has a headline in Chinese and English', () => {
  const text = readFileSync(MESSAGES, 'utf8');
  for (const lang of ['zh', 'en'] as const) {
    it(`in ${lang}`, () => {
      const own = block(text, lang);
      const missing = Object.keys(ERROR_CODES).filter((code) => !own.includes(`'apiError.${code}':`));
      assert.deepEqual(missing, [], `codes without a ${lang} headline`);
    });
  }
});
