import assert from 'node:assert/strict';
import { upstreamFor } from '@grid-dispatch/gateway/dist/route-table';

describe('gateway route table', () => {
  const table: Array<[string, string]> = [
    ['/api/v1/reports', 'intake'],
    ['/api/v1/reports/K7QM-2X9P-DR4T', 'intake'],
    ['/api/v1/reports/K7QM-2X9P-DR4T/feedback', 'intake'],
    ['/open311/v2/services.json', 'intake'],
    ['/api/v1/photos', 'intake'],
    ['/api/v1/photos/AAAAAAAAAAAAAAAAAAAAAA', 'intake'],
    ['/api/v1/photosX', 'workflow'],
    ['/api/v1/reportsX', 'workflow'],
    ['/api/v1/auth/login', 'workflow'],
    ['/api/v1/tickets', 'workflow'],
    ['/api/v1/categories', 'workflow'],
    ['/socket.io/', 'live'],
    ['/', 'live'],
    ['/console.html', 'live'],
  ];
  for (const [path, upstream] of table)
    it(`${path} → ${upstream}`, () => assert.equal(upstreamFor(path), upstream));
});
