import assert from 'node:assert/strict';
import { scrapedGauge } from '@grid-dispatch/metrics';
import { Registry } from 'prom-client';

describe('scraped gauges', () => {
  it('reads their value at scrape time', async () => {
    const registry = new Registry();
    let backlog = 3;
    scrapedGauge(registry, { name: 'backlog', help: 'h' }, async () => [{ labels: {}, value: backlog }]);
    assert.match(await registry.metrics(), /^backlog 3$/m);
    backlog = 5;
    assert.match(await registry.metrics(), /^backlog 5$/m);
  });

  it('leaves the gauge empty, not the scrape failed, when a read fails', async () => {
    const registry = new Registry();
    scrapedGauge(registry, { name: 'lag', help: 'h', labelNames: ['group'] }, async () => {
      throw new Error('broker down');
    });
    const text = await registry.metrics();
    assert.match(text, /# TYPE lag gauge/);
    assert.doesNotMatch(text, /^lag[ {]/m);
  });

  it('reads from the latest registration of a name (a restarted service)', async () => {
    const registry = new Registry();
    scrapedGauge(registry, { name: 'pending', help: 'h' }, async () => [{ labels: {}, value: 1 }]);
    scrapedGauge(registry, { name: 'pending', help: 'h' }, async () => [{ labels: {}, value: 2 }]);
    assert.match(await registry.metrics(), /^pending 2$/m);
  });
});
