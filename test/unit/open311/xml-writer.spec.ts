import assert from 'node:assert/strict';
import { listXml } from '@grid-dispatch/intake/dist/open311/open311-format';
import { element, elementsOf, escapeXml, xmlDocument } from '@grid-dispatch/intake/dist/open311/xml-writer';

describe('Open311: XML writing', () => {
  it('escapes the five special characters', () => {
    assert.equal(escapeXml(`a & b < c > d " e ' f`), 'a &amp; b &lt; c &gt; d &quot; e &apos; f');
    assert.equal(escapeXml('&amp;'), '&amp;amp;', 'escaped text is escaped again, not trusted');
  });

  it('replaces characters XML 1.0 cannot carry, and keeps the ones it can', () => {
    assert.equal(escapeXml('a\u0000b\u0008c\u001fd'), 'a\uFFFDb\uFFFDc\uFFFDd');
    assert.equal(escapeXml('tab\tline\nreturn\r'), 'tab\tline\nreturn\r');
    assert.equal(escapeXml('lone \uD800 high, lone \uDC00 low'), 'lone \uFFFD high, lone \uFFFD low');
    assert.equal(escapeXml('道路塌陷 😀'), '道路塌陷 😀');
    assert.equal(escapeXml('\uFFFE\uFFFF'), '\uFFFD\uFFFD');
  });

  it('refuses element names that are not names', () => {
    for (const name of ['', '1abc', 'a b', 'a<b', 'xmlthing', 'a&b']) {
      assert.throws(() => element(name, 'x'), /element name/, name);
    }
    assert.doesNotThrow(() => element('service_request_id', 'x'));
  });

  it('writes nested elements, empty values as empty elements, and leaves undefined out', () => {
    const xml = xmlDocument(
      element('services', [
        element(
          'service',
          elementsOf({ service_code: 'a<b', metadata: false, group: null, none: undefined }),
        ),
      ]),
    );
    assert.equal(
      xml,
      '<?xml version="1.0" encoding="utf-8"?>\n<services><service><service_code>a&lt;b</service_code><metadata>false</metadata><group/></service></services>\n',
    );
  });

  it('writes a list of records under its root, hostile text inert', () => {
    const xml = listXml('service_requests', 'request', [
      { service_request_id: 'K7QM-2X9P-DR4T', description: '</description><script>x</script>', lat: 38.9 },
    ]);
    assert.match(
      xml,
      /<request><service_request_id>K7QM-2X9P-DR4T<\/service_request_id><description>&lt;\/description&gt;&lt;script&gt;x&lt;\/script&gt;<\/description><lat>38.9<\/lat><\/request>/,
    );
    assert.equal(listXml('errors', 'error', []).trim().endsWith('<errors></errors>'), true);
  });
});
