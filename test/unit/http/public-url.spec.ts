import assert from 'node:assert/strict';
import { isPublicHttpUrl } from '@grid-dispatch/http';

describe('photo URLs must be public http(s)', () => {
  const allowed = [
    'https://img.example.com/a.jpg',
    'http://photos.example.cn/1.png',
    'https://8.8.8.8/x.jpg',
    'https://[2606:4700::1111]/x.jpg',
  ];
  const refused = [
    'ftp://example.com/a.jpg',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'http://localhost/x.jpg',
    'http://127.0.0.1/x.jpg',
    'http://10.1.2.3/x.jpg',
    'http://172.16.0.1/x.jpg',
    'http://192.168.1.1/x.jpg',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/x.jpg',
    'http://[fe80::1]/x.jpg',
    'http://[fd00::1]/x.jpg',
    'http://[::ffff:127.0.0.1]/x.jpg',
    'http://2130706433/x.jpg',
    'http://0x7f000001/x.jpg',
    'http://user:pw@example.com/x.jpg',
    'http://printer.local/x.jpg',
    // Special ranges an outside tester got through the hand-written filter:
    'http://[::127.0.0.1]/x.jpg',
    'http://[64:ff9b::7f00:1]/x.jpg',
    'http://[2002:7f00:1::]/x.jpg',
    'http://198.18.0.1/x.jpg',
    'http://192.0.2.1/x.jpg',
    'http://[2001:db8::1]/x.jpg',
    'http://[fec0::1]/x.jpg',
    'http://localhost./x.jpg',
    'http://100.64.0.1/x.jpg',
    'http://240.0.0.1/x.jpg',
    'not a url',
  ];
  for (const url of allowed) it(`allows ${url}`, () => assert.equal(isPublicHttpUrl(url), true));
  for (const url of refused) it(`refuses ${url}`, () => assert.equal(isPublicHttpUrl(url), false));
});
