import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

const view = loadWebModule<{
  PAGE_SIZE: number;
  matchesSearch(texts: readonly (string | null | undefined)[], query: string): boolean;
  pageOf<T>(items: readonly T[], page: number, size?: number): { items: T[]; page: number; pages: number };
}>('lib/list-view');

/** Search and pages of the staff lists. */
describe('web: list search and pages', () => {
  const row = ['AB12-CD34-EF56', '井盖缺失', '春海社区', 'Manhole cover gone near the school', null];

  it('finds a row by every word of the query, in any case, a tracking code with or without dashes', () => {
    assert.ok(view.matchesSearch(row, ''));
    assert.ok(view.matchesSearch(row, '   '));
    assert.ok(view.matchesSearch(row, 'ab12cd34'));
    assert.ok(view.matchesSearch(row, 'cd34-ef56'));
    assert.ok(view.matchesSearch(row, '春海 井盖'));
    assert.ok(view.matchesSearch(row, 'MANHOLE school'));
    assert.ok(!view.matchesSearch(row, '春海 路灯'));
    assert.ok(!view.matchesSearch([null, undefined], 'x'));
  });

  it('cuts a list into pages and keeps the page in range when the list shrinks', () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    assert.equal(view.PAGE_SIZE, 50);
    assert.deepEqual(view.pageOf(items, 0).pages, 3);
    assert.deepEqual(view.pageOf(items, 2).items, items.slice(100));
    assert.deepEqual(view.pageOf(items.slice(0, 30), 2), { items: items.slice(0, 30), page: 0, pages: 1 });
    assert.deepEqual(view.pageOf([], 5), { items: [], page: 0, pages: 1 });
    assert.deepEqual(view.pageOf(items, -1, 100).page, 0);
  });
});
