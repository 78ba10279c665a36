import assert from 'node:assert/strict';
import { snappedPosition } from '@grid-dispatch/domain';
import { redactContactDetails } from '@grid-dispatch/intake/dist/open311/contact-redaction';
import { parseRequestSearch } from '@grid-dispatch/intake/dist/open311/open311-search-query';
import { serviceView } from '@grid-dispatch/intake/dist/open311/service-list';
import { serviceRequestView } from '@grid-dispatch/intake/dist/open311/service-request-view';

describe('Open311: views and searches', () => {
  it('shows a request coarse, in +08:00, and without contact details', () => {
    const location = { lat: 38.91537, lng: 121.63421 };
    const view = serviceRequestView(
      {
        trackingCode: 'K7QM-2X9P-DR4T',
        status: 'accepted',
        category: 'road_collapse',
        description: '坑很深，请打 13912345678',
        location,
        unitId: 'municipal',
        deadlines: { resolve: { dueAt: '2026-05-01T04:00:00.000Z' } },
        createdAt: new Date('2026-05-01T00:00:00Z'),
        updatedAt: '2026-05-01T01:00:00.000Z',
      },
      { service: '道路塌陷', agency: '市政' },
    );
    const coarse = snappedPosition(location);
    assert.deepEqual(view, {
      service_request_id: 'K7QM-2X9P-DR4T',
      status: 'open',
      status_notes: 'The responsible unit has taken it on.',
      service_name: '道路塌陷',
      service_code: 'road_collapse',
      description: '坑很深，请打 [number removed]',
      agency_responsible: '市政',
      requested_datetime: '2026-05-01T08:00:00+08:00',
      updated_datetime: '2026-05-01T09:00:00+08:00',
      expected_datetime: '2026-05-01T12:00:00+08:00',
      lat: coarse.lat,
      long: coarse.lng,
    });
    assert.notEqual(view.lat, location.lat);
  });

  it('gives no expected time once closed, and no position for an address-only report', () => {
    const view = serviceRequestView(
      {
        trackingCode: 'K7QM-2X9P-DR4T',
        status: 'closed',
        category: 'road_collapse',
        description: 'fixed hole',
        location: null,
        unitId: null,
        deadlines: { resolve: { dueAt: '2026-05-01T04:00:00.000Z' } },
        createdAt: '2026-05-01T00:00:00Z',
        updatedAt: '2026-05-02T00:00:00Z',
      },
      { service: '道路塌陷', agency: null },
    );
    assert.equal(view.status, 'closed');
    assert.equal(view.expected_datetime, undefined);
    assert.equal(view.lat, undefined);
    assert.equal(view.agency_responsible, undefined);
  });

  it('takes phone numbers and email addresses out of free text', () => {
    const cases: Array<[string, string]> = [
      ['call 139 1234 5678 now', 'call [number removed] now'],
      ['座机 0411-8888 6666', '座机 [number removed]'],
      ['+86 13912345678', '[number removed]'],
      ['身份证 21020319900101123X', '身份证 [number removed]'],
      ['mail wang.ming+x@example.com.cn please', 'mail [email removed] please'],
      ['3 个坑, 深 50 cm, 2026 年', '3 个坑, 深 50 cm, 2026 年'],
    ];
    for (const [text, expected] of cases) assert.equal(redactContactDetails(text), expected, text);
  });

  it('describes a category as a realtime service without metadata, grouped by priority', () => {
    assert.deepEqual(
      serviceView({
        _id: 'road_collapse',
        name: { zh: '道路塌陷', en: 'Road collapse' },
        description: { zh: '路面塌陷或大坑', en: 'A collapsed road' },
        priority: 'P1',
      }),
      {
        service_code: 'road_collapse',
        service_name: '道路塌陷',
        description: '路面塌陷或大坑',
        metadata: false,
        type: 'realtime',
        keywords: 'road,collapse',
        group: 'P1 紧急 (emergency)',
      },
    );
  });

  describe('search parameters', () => {
    const now = new Date('2026-06-30T00:00:00Z');
    const DAY = 86_400_000;

    it('defaults to the last 90 days', () => {
      const search = parseRequestSearch({}, now);
      assert.equal(search.kind, 'window');
      if (search.kind !== 'window') return;
      assert.equal(search.to.getTime(), now.getTime());
      assert.equal(search.from.getTime(), now.getTime() - 90 * DAY);
      assert.equal(search.serviceCodes, null);
      assert.equal(search.statuses, null);
    });

    it('lets ids override everything else, normalised and deduplicated', () => {
      assert.deepEqual(
        parseRequestSearch({ service_request_id: 'k7qm-2x9p-dr4t, K7QM2X9PDR4T', status: 'closed' }, now),
        { kind: 'ids', trackingCodes: ['K7QM-2X9P-DR4T'] },
      );
    });

    it('reads comma lists of codes and statuses, and a range from one bound', () => {
      const search = parseRequestSearch(
        {
          service_code: 'road_collapse,gas_leak',
          status: 'Open',
          start_date: '2026-06-01',
          jurisdiction_id: 'x',
        },
        now,
      );
      assert.ok(search.kind === 'window');
      assert.deepEqual(search.serviceCodes, ['road_collapse', 'gas_leak']);
      assert.deepEqual(search.statuses, ['open']);
      assert.equal(search.from.toISOString(), '2026-05-31T16:00:00.000Z');
      assert.equal(search.to.getTime(), now.getTime(), 'no later than now');
      const before = parseRequestSearch({ end_date: '2026-03-01T00:00:00Z' }, now);
      assert.ok(before.kind === 'window');
      assert.equal(
        before.from.toISOString(),
        new Date(Date.parse('2026-03-01T00:00:00Z') - 90 * DAY).toISOString(),
      );
    });

    const refused: Array<[Record<string, unknown>, RegExp]> = [
      [{ status: 'pending' }, /status \("pending" is neither open nor closed\)/],
      [{ service_request_id: 'nope' }, /service_request_id \("nope" is not a request id\)/],
      [
        { service_request_id: Array.from({ length: 101 }, () => 'K7QM-2X9P-DR4T').join(',') },
        /at most 100 ids/,
      ],
      [{ service_code: 'a b' }, /service_code \("a b" is not a service code\)/],
      [{ start_date: '2026-06-02', end_date: '2026-06-01' }, /end_date \(is before start_date\)/],
      [
        { start_date: '2026-01-01', end_date: '2026-06-01' },
        /end_date \(the range may span at most 90 days\)/,
      ],
      [{ start_date: 'soon' }, /start_date \(expected a W3C datetime/],
      [{ page: '2' }, /page \(unknown parameter\)/],
      [{ status: ['open', 'closed'] }, /status \(give it once/],
    ];
    for (const [query, message] of refused) {
      it(`refuses ${JSON.stringify(query).slice(0, 60)}`, () => {
        assert.throws(() => parseRequestSearch(query, now), message);
      });
    }
  });
});
