import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

type Page = { items: number[]; nextCursor: string | null };
const { allPages } = loadWebModule<{
  allPages(path: string, get: (path: string) => Promise<Page>): Promise<{ items: number[] }>;
}>('lib/all-pages');

/** The committee's staff lists are read to their end, page after page, by cursor. */
describe('web: every page of a staff list', () => {
  it('follows the cursor to the last page and keeps the order', async () => {
    const asked: string[] = [];
    const pages: Record<string, Page> = {
      '/api/v1/needs?communityId=dongri&limit=100': { items: [1, 2], nextCursor: 'n/2' },
      '/api/v1/needs?communityId=dongri&limit=100&cursor=n%2F2': { items: [3, 4], nextCursor: 'n4' },
      '/api/v1/needs?communityId=dongri&limit=100&cursor=n4': { items: [5], nextCursor: null },
    };
    const all = await allPages('/api/v1/needs?communityId=dongri&limit=100', async (path) => {
      asked.push(path);
      const page = pages[path];
      assert.ok(page, `asked for ${path}`);
      return page;
    });
    assert.deepEqual(all.items, [1, 2, 3, 4, 5]);
    assert.equal(asked.length, 3);
  });

  it('starts the query when the path has none, and stops after twenty pages', async () => {
    const asked: string[] = [];
    const all = await allPages('/api/v1/projects', async (path) => {
      asked.push(path);
      return { items: [asked.length], nextCursor: `c${asked.length}` };
    });
    assert.equal(asked[1], '/api/v1/projects?cursor=c1');
    assert.equal(all.items.length, 20);
  });
});
