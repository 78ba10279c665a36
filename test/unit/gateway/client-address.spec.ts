import assert from 'node:assert/strict';
import { clientAddress } from '@grid-dispatch/gateway/dist/client-address';

describe('the client address the gateway sends upstream', () => {
  const table: Array<[string, string | undefined, string | undefined, number, string]> = [
    [
      'no proxy in front: the TCP peer, whatever the client claims',
      '203.0.113.7',
      '1.2.3.4',
      0,
      '203.0.113.7',
    ],
    ['no proxy in front, no header', '203.0.113.7', undefined, 0, '203.0.113.7'],
    ['a dual-stack peer', '::ffff:203.0.113.7', undefined, 0, '203.0.113.7'],
    ['one load balancer: the address it saw', '10.0.0.2', '198.51.100.9', 1, '198.51.100.9'],
    [
      'one load balancer, a client-written entry left of it',
      '10.0.0.2',
      '1.2.3.4, 198.51.100.9',
      1,
      '198.51.100.9',
    ],
    ['two proxies', '10.0.0.2', '1.2.3.4, 198.51.100.9, 10.0.0.3', 2, '198.51.100.9'],
    ['a trusted proxy that sent no header: the peer', '10.0.0.2', undefined, 1, '10.0.0.2'],
  ];
  for (const [name, peer, xff, hops, expected] of table) {
    it(name, () => assert.equal(clientAddress(peer, xff, hops), expected));
  }

  it('joins a header sent more than once before reading it', () => {
    assert.equal(clientAddress('10.0.0.2', ['1.2.3.4', '198.51.100.9'], 1), '198.51.100.9');
  });
});
