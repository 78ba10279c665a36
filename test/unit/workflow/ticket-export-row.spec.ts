import assert from 'node:assert/strict';
import type { StaffPrincipal } from '@grid-dispatch/auth';
import { csvCell } from '@grid-dispatch/workflow/dist/csv-cell';
import {
  dayReads,
  EXPORT_MAX_DAYS,
  inExport,
  parseExportQuery,
} from '@grid-dispatch/workflow/dist/export/export-query';
import {
  CSV_HEAD,
  csvLine,
  EXPORT_COLUMNS,
  type ExportNames,
  type ExportTicket,
  exportInstant,
  jsonLine,
  ticketExportRow,
  ticketExportRowSchema,
} from '@grid-dispatch/workflow/dist/export/ticket-export-row';
import { csvRows } from '../../support/csv-rows';

const NAMES: ExportNames = {
  areas: new Map([
    ['zhongshan', { level: 'district', name: { zh: '中山区', en: 'Zhongshan' } }],
    ['laohutan', { level: 'subdistrict', name: { zh: '老虎滩街道', en: 'Laohutan' } }],
    ['chunhai', { level: 'community', name: { zh: '春海社区', en: 'Chunhai' } }],
    ['chunhai-g1', { level: 'grid', name: { zh: '春海社区第一网格', en: 'Chunhai Grid 1' } }],
  ]),
  units: new Map([
    ['municipal', { zh: '市政', en: 'Municipal works' }],
    ['water', { zh: '水务', en: 'Water' }],
  ]),
  categories: new Map([['road_collapse', { zh: '道路塌陷', en: 'Road collapse' }]]),
};

function ticket(extra: Partial<ExportTicket> = {}): ExportTicket {
  return {
    _id: '0b7a4c2e-0000-4000-8000-000000000001',
    trackingCode: 'ABCD-EFGH-JKLM',
    category: 'road_collapse',
    priority: 'P1',
    status: 'closed',
    channel: 'web',
    areaIds: ['chunhai-g1', 'chunhai', 'laohutan', 'zhongshan'],
    unitId: 'municipal',
    assistUnitIds: ['water'],
    description: 'A hole in the road',
    deadlines: {},
    escalationLevel: 1,
    rating: 'satisfied',
    createdAt: new Date('2026-11-01T01:00:00Z'),
    events: [
      { type: 'ticket.submitted', at: new Date('2026-11-01T01:00:00Z') },
      { type: 'ticket.dispatched', at: new Date('2026-11-01T01:00:01Z') },
      { type: 'sla.breached', at: new Date('2026-11-01T02:00:01Z'), payload: { deadline: 'ack' } },
      { type: 'ticket.accepted', at: new Date('2026-11-01T02:10:00Z') },
      { type: 'ticket.resolved', at: new Date('2026-11-01T05:00:00Z') },
      { type: 'ticket.reopened', at: new Date('2026-11-02T01:00:00Z') },
      { type: 'ticket.dispatched', at: new Date('2026-11-02T01:00:01Z') },
      { type: 'ticket.accepted', at: new Date('2026-11-02T01:30:00Z') },
      { type: 'ticket.resolved', at: new Date('2026-11-02T03:00:00Z') },
      { type: 'ticket.closed', at: new Date('2026-11-02T04:00:00Z') },
    ],
    ...extra,
  };
}

/** The cells of one CSV line. */
const cells = (line: string) => csvRows(line)[0]!;

describe('ticket export rows', () => {
  it('builds one row from the ticket, its names and its history', () => {
    const row = ticketExportRow(ticket(), NAMES);
    assert.deepEqual(row, {
      tracking_code: 'ABCD-EFGH-JKLM',
      id: '0b7a4c2e-0000-4000-8000-000000000001',
      category: 'road_collapse',
      category_name: '道路塌陷',
      priority: 'P1',
      status: 'closed',
      channel: 'web',
      subdistrict: '老虎滩街道',
      community: '春海社区',
      grid: '春海社区第一网格',
      unit_id: 'municipal',
      unit_name: '市政',
      assist_units: '水务',
      description: 'A hole in the road',
      reported_at: '2026-11-01T09:00:00+08:00',
      dispatched_at: '2026-11-01T09:00:01+08:00',
      signed_at: '2026-11-02T09:30:00+08:00',
      fixed_at: '2026-11-02T11:00:00+08:00',
      closed_at: '2026-11-02T12:00:00+08:00',
      sign_due_at: null,
      fix_due_at: null,
      sign_missed: true,
      fix_missed: false,
      escalation_level: 1,
      rating: 'satisfied',
    });
    assert.ok(ticketExportRowSchema.safeParse(row).success, 'the row fits its documented schema');
  });

  it('fills what is missing with null (CSV: an empty cell), never with a guess', () => {
    const row = ticketExportRow(
      ticket({
        status: 'submitted',
        areaIds: [],
        unitId: null,
        assistUnitIds: [],
        rating: null,
        escalationLevel: 0,
        category: 'gone_category',
        channel: undefined,
        events: [{ type: 'ticket.submitted', at: '2026-11-01T01:00:00.000Z' }],
      }),
      NAMES,
    );
    assert.equal(row.category_name, 'gone_category');
    assert.equal(row.channel, 'web');
    for (const key of ['subdistrict', 'community', 'grid', 'unit_id', 'unit_name', 'dispatched_at'] as const)
      assert.equal(row[key], null, key);
    assert.equal(row.assist_units, '');
    assert.equal(row.rating, null);
    const csv = cells(csvLine(row));
    assert.equal(csv.length, EXPORT_COLUMNS.length);
    assert.equal(csv[EXPORT_COLUMNS.indexOf('grid')], '');
    assert.equal(csv[EXPORT_COLUMNS.indexOf('sign_missed')], 'false');
    const json = JSON.parse(jsonLine(row));
    assert.equal(json.grid, null);
    assert.equal(json.rating, null);
  });

  it('shows a running deadline and an unknown unit by its id', () => {
    const row = ticketExportRow(
      ticket({
        status: 'accepted',
        unitId: 'no-such-unit',
        deadlines: {
          resolve: { dueAt: '2026-11-03T00:00:00.000Z', startedAt: '2026-11-01T00:00:00.000Z', seq: 0 },
        },
      }),
      NAMES,
    );
    assert.equal(row.unit_name, 'no-such-unit');
    assert.equal(row.fix_due_at, '2026-11-03T08:00:00+08:00');
    assert.equal(row.sign_due_at, null);
  });

  it('never carries the reporter or staff, and takes contact details out of the description', () => {
    const withPersonal = {
      ...ticket({ description: '请打 138 0013 8000 或写信 wang@example.com' }),
      contact: { name: '王小明', phone: '13800138000' },
      address: '春海路 1 号 3 单元',
    } as ExportTicket;
    const row = ticketExportRow(withPersonal, NAMES);
    const text = csvLine(row) + jsonLine(row);
    for (const secret of ['王小明', '13800138000', '138 0013 8000', 'wang@example.com', '春海路'])
      assert.ok(!text.includes(secret), `${secret} leaked`);
    assert.match(row.description, /\[number removed\].*\[email removed\]/);
    assert.ok(
      !EXPORT_COLUMNS.some(
        (c) =>
          /phone|contact|reporter|address|user|name$/.test(c) && c !== 'unit_name' && c !== 'category_name',
      ),
    );
  });

  it('guards every CSV cell against formulas, as the meeting report does', () => {
    for (const start of ['=', '+', '-', '@']) {
      const row = ticketExportRow(ticket({ description: `${start}HYPERLINK("http://x","y")` }), NAMES);
      const cell = cells(csvLine(row))[EXPORT_COLUMNS.indexOf('description')]!;
      assert.equal(cell, `'${start}HYPERLINK("http://x","y")`);
    }
    assert.equal(csvCell('=1+1'), "'=1+1");
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"\nbye'), '"say ""hi""\nbye"');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(3), '3');
  });

  it('writes the CSV head with a byte-order mark and one header per column', () => {
    assert.ok(CSV_HEAD.startsWith('\uFEFFtracking_code,id,category,'));
    assert.ok(CSV_HEAD.endsWith('\r\n'));
    assert.deepEqual(CSV_HEAD.slice(1, -2).split(','), EXPORT_COLUMNS);
  });

  it('writes JSON lines with typed values and the columns as keys, in order, one line per ticket', () => {
    const line = jsonLine(ticketExportRow(ticket({ description: 'two\nlines, "quoted" =1' }), NAMES));
    assert.equal(line.split('\n').length, 2, 'one line and its newline');
    const parsed = JSON.parse(line);
    assert.deepEqual(Object.keys(parsed), EXPORT_COLUMNS);
    assert.equal(parsed.escalation_level, 1);
    assert.equal(parsed.sign_missed, true);
    assert.equal(
      parsed.description,
      'two\nlines, "quoted" =1',
      'JSON keeps the text as it is: no spreadsheet reads it',
    );
  });

  it('writes instants in China Standard Time with the offset', () => {
    assert.equal(exportInstant('2026-12-31T16:30:00.000Z'), '2027-01-01T00:30:00+08:00');
    assert.equal(exportInstant(null), null);
    assert.equal(exportInstant('nonsense'), null);
  });
});

describe('ticket export parameters', () => {
  const today = '2026-11-30';
  const fails = (query: Record<string, unknown>, path: string, code = 'VALIDATION_FAILED') =>
    assert.throws(
      () => parseExportQuery(query, today),
      (e: any) => e.code === code && e.fields?.[0]?.path === path,
      JSON.stringify(query),
    );

  it('defaults to CSV of this month so far', () => {
    assert.deepEqual(parseExportQuery({}, today), {
      format: 'csv',
      from: '2026-11-01',
      to: '2026-11-30',
      areaId: null,
      unitId: null,
      statuses: null,
      category: null,
    });
  });

  it('takes the filters of the ticket list', () => {
    const q = parseExportQuery(
      {
        format: 'jsonl',
        from: '2026-01-01',
        to: '2026-06-30',
        areaId: 'chunhai',
        unitId: 'water',
        status: 'closed,merged',
        category: 'road_collapse',
      },
      today,
    );
    assert.equal(q.format, 'jsonl');
    assert.deepEqual(q.statuses, ['closed', 'merged']);
  });

  it('answers 422 for a bad value and 400 for a malformed parameter, naming the field', () => {
    fails({ format: 'xlsx' }, 'format');
    fails({ from: '2026-02-30' }, 'from');
    fails({ to: 'tomorrow' }, 'to');
    fails({ from: '2026-11-10', to: '2026-11-09' }, 'to');
    fails({ status: 'open' }, 'status');
    fails({ nope: '1' }, 'nope', 'MALFORMED_REQUEST');
    fails({ areaId: ['a', 'b'] }, 'areaId', 'MALFORMED_REQUEST');
    fails({ category: { $ne: 'x' } }, 'category', 'MALFORMED_REQUEST');
    fails({ areaId: '' }, 'areaId', 'MALFORMED_REQUEST');
  });

  it(`caps a period at ${EXPORT_MAX_DAYS} days`, () => {
    assert.equal(parseExportQuery({ from: '2024-01-01', to: '2024-12-31' }, today).to, '2024-12-31');
    fails({ from: '2024-01-01', to: '2025-01-01' }, 'to');
  });

  it('reads a day with plain equalities only, a unit in two reads that never return a ticket twice', () => {
    const who = (role: string, areaId: string | null, unitId: string | null) =>
      ({ userId: 'u', role, areaId, unitId }) as unknown as StaffPrincipal;
    const day = '2026-11-02';
    assert.deepEqual(
      dayReads(
        who('community_secretary', 'chunhai', null),
        parseExportQuery({ status: 'closed' }, today),
        day,
      ).map((r) => r.filter),
      [{ createdDay: day, areaIds: 'chunhai', status: 'closed' }],
    );
    assert.deepEqual(
      dayReads(
        who('admin', null, null),
        parseExportQuery({ status: 'closed,merged', category: 'gas_leak' }, today),
        day,
      ).map((r) => r.filter),
      [{ createdDay: day, category: 'gas_leak' }],
    );
    const [lead, assist] = dayReads(who('unit_member', null, 'water'), parseExportQuery({}, today), day);
    assert.deepEqual(lead!.filter, { createdDay: day, unitId: 'water' });
    assert.deepEqual(assist!.filter, { createdDay: day, assistUnitIds: 'water' });
    assert.equal(assist!.alreadyRead({ unitId: 'water' }), true, 'led and assisted: read once, as led');
    assert.equal(assist!.alreadyRead({ unitId: 'gas' }), false);
  });

  it('keeps each caller to the ticket list’s scope, the administrator to none', () => {
    const t = {
      unitId: 'water',
      assistUnitIds: ['power'],
      areaIds: ['chunhai-g1', 'chunhai', 'laohutan', 'zhongshan'],
      status: 'closed' as const,
      category: 'road_collapse',
    };
    const who = (role: string, areaId: string | null, unitId: string | null) =>
      ({ userId: 'u', role, areaId, unitId }) as unknown as StaffPrincipal;
    const all = parseExportQuery({}, today);
    assert.equal(inExport(who('community_secretary', 'chunhai', null), all, t), true);
    assert.equal(inExport(who('community_secretary', 'dongri', null), all, t), false);
    assert.equal(inExport(who('unit_member', null, 'power'), all, t), true);
    assert.equal(inExport(who('unit_member', null, 'gas'), all, t), false);
    assert.equal(inExport(who('admin', null, null), all, t), true);
    const district = who('district_secretary', 'zhongshan', null);
    assert.equal(inExport(district, parseExportQuery({ areaId: 'dongri' }, today), t), false);
    assert.equal(inExport(district, parseExportQuery({ unitId: 'power' }, today), t), true);
    assert.equal(inExport(district, parseExportQuery({ status: 'accepted' }, today), t), false);
    assert.equal(inExport(district, parseExportQuery({ category: 'gas_smell' }, today), t), false);
  });
});
