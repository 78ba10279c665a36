import assert from 'node:assert/strict';
import { type ExistingNeed, similarNeeds, titleSimilarity } from '@grid-dispatch/domain';

const existing = (id: string, title: string, overrides: Partial<ExistingNeed> = {}): ExistingNeed => ({
  id,
  communityId: 'dongri',
  kind: 'childcare',
  title,
  status: 'open',
  ...overrides,
});

describe('committee: near-duplicate needs', () => {
  const similarity: [string, string, string, (score: number) => boolean][] = [
    ['the same title', '婴幼儿托育室', '婴幼儿托育室', (s) => s === 1],
    ['case and punctuation ignored', 'Baby room!', 'baby-room', (s) => s === 1],
    ['a small edit', '社区婴儿托育室', '婴儿托育室', (s) => s >= 0.5],
    ['unrelated', '老年食堂', '篮球场夜间照明', (s) => s === 0],
    ['empty', '', 'anything', (s) => s === 0],
  ];
  for (const [title, a, b, check] of similarity) {
    it(`titleSimilarity: ${title}`, () =>
      assert.ok(check(titleSimilarity(a, b)), String(titleSimilarity(a, b))));
  }

  const draft = { communityId: 'dongri', kind: 'childcare' as const, title: '婴儿托育室' };
  const table: [string, ExistingNeed[], string[]][] = [
    ['offers a similar open need', [existing('a', '社区婴儿托育室')], ['a']],
    ['offers a similar accepted need', [existing('a', '婴儿托育室', { status: 'accepted' })], ['a']],
    ['not another community', [existing('a', '婴儿托育室', { communityId: 'chunhai' })], []],
    ['not another kind', [existing('a', '婴儿托育室', { kind: 'study' })], []],
    ['not a dissimilar title', [existing('a', '老年食堂')], []],
    ...(['declined', 'merged', 'served'] as const).map((status): [string, ExistingNeed[], string[]] => [
      `not a ${status} need`,
      [existing('a', '婴儿托育室', { status })],
      [],
    ]),
    ['most alike first', [existing('a', '社区婴儿托育室开放'), existing('b', '婴儿托育室')], ['b', 'a']],
  ];
  for (const [title, needs, expected] of table) {
    it(title, () =>
      assert.deepEqual(
        similarNeeds(draft, needs).map((n) => n.id),
        expected,
      ),
    );
  }

  it('offers at most the limit', () => {
    const many = Array.from({ length: 8 }, (_, i) => existing(`n${i}`, '婴儿托育室'));
    assert.equal(similarNeeds(draft, many, 3).length, 3);
  });
});
