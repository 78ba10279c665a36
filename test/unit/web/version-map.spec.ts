import assert from 'node:assert/strict';
import { loadWebModule } from '../../support/web-module';

interface Row {
  id: string;
  version: number;
  status: string;
  description?: string;
}
const { applyByVersion, mergeFetched } = loadWebModule<{
  applyByVersion(map: Map<string, Row>, update: Row): Map<string, Row>;
  mergeFetched(map: Map<string, Row>, fetched: Row[], keep?: (id: string) => boolean): Map<string, Row>;
}>('lib/version-map');

/** Pushes may arrive late or twice; a ticket on screen never flickers back to an older state. */
describe('web: applyByVersion and mergeFetched', () => {
  const base = new Map<string, Row>([
    ['a', { id: 'a', version: 2, status: 'dispatched', description: 'hole' }],
  ]);

  it('applies a newer update and keeps fields the push lacks', () => {
    const next = applyByVersion(base, { id: 'a', version: 3, status: 'accepted' });
    assert.notEqual(next, base, 'a new map, so the page re-renders');
    assert.deepEqual(next.get('a'), { id: 'a', version: 3, status: 'accepted', description: 'hole' });
    assert.equal(base.get('a')?.version, 2, 'the old map is untouched');
  });

  it('ignores an update of the same or an older version', () => {
    assert.equal(applyByVersion(base, { id: 'a', version: 2, status: 'accepted' }), base);
    assert.equal(applyByVersion(base, { id: 'a', version: 1, status: 'submitted' }), base);
  });

  it('adds a ticket it did not know', () => {
    assert.equal(applyByVersion(base, { id: 'b', version: 1, status: 'dispatched' }).size, 2);
  });

  it('applies out-of-order pushes to the newest state whatever the order', () => {
    const pushes: Row[] = [3, 5, 4, 2, 5].map((v) => ({ id: 'a', version: v, status: `s${v}` }));
    const final = pushes.reduce((m, u) => applyByVersion(m, u), base);
    assert.equal(final.get('a')?.status, 's5');
  });

  it('replaces the view after a refetch but keeps what a push already made newer', () => {
    const pushed = applyByVersion(base, { id: 'a', version: 4, status: 'resolved' });
    const next = mergeFetched(pushed, [
      { id: 'a', version: 3, status: 'accepted', description: 'hole' },
      { id: 'c', version: 1, status: 'dispatched' },
    ]);
    assert.equal(next.get('a')?.status, 'resolved');
    assert.equal(next.get('a')?.version, 4);
    assert.ok(next.has('c'));
    assert.equal(mergeFetched(pushed, []).size, 0, 'tickets gone from the list leave the view');
  });

  it('keeps a ticket pushed while the list was being fetched', () => {
    const pushed = applyByVersion(base, { id: 'new', version: 2, status: 'dispatched' });
    const next = mergeFetched(pushed, [{ id: 'a', version: 2, status: 'dispatched' }], (id) => id === 'new');
    assert.deepEqual([...next.keys()].sort(), ['a', 'new']);
  });
});
