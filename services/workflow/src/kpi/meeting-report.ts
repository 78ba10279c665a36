import type { LocalizedName } from '@grid-dispatch/db';
import {
  type CommitteeFigures,
  DISTRICT_UTC_OFFSET_MINUTES,
  districtWallClock,
  OPEN_STATUSES,
  parseIsoDurationParts,
} from '@grid-dispatch/domain';
import { csvCell } from '../csv-cell';
import { escapeHtml } from '../html-text';
import type { KpiReport } from './kpi-report';
import type { CaseReason, MeetingCase } from './meeting-cases';
import { committeeSectionCsv, committeeSectionHtml } from './meeting-committee-section';

export interface MeetingReport {
  area: { id: string; name: LocalizedName };
  month: string;
  chair: { id: string; name: LocalizedName } | null;
  kpis: KpiReport;
  /** Category names by code, for the rows by category. */
  categoryNames: ReadonlyMap<string, LocalizedName>;
  /** Unit names by id, for the cases. */
  unitNames: ReadonlyMap<string, LocalizedName>;
  /** The month's overdue and difficult cases (see `meetingCases`), and how many more there were. */
  cases: { listed: MeetingCase[]; more: number };
  /** The committee's needs, resources and projects over the month (all its communities together). */
  committee: CommitteeFigures;
  generatedAt: string;
}

const REASONS: Record<CaseReason, [string, string]> = {
  overdue: ['逾期', 'overdue'],
  escalated: ['已升级', 'escalated'],
  dissatisfied: ['群众不满意', 'resident dissatisfied'],
};

const isOpen = (c: MeetingCase) => (OPEN_STATUSES as readonly string[]).includes(c.status);

/** A duration as people read it on paper: "1 天 2 时 4 分 6 秒 · 1d 2h 4m 6s"; "—" for none. */
export function readableDuration(iso: string | null): string {
  if (iso === null) return '—';
  const p = parseIsoDurationParts(iso);
  const parts: Array<[number, string, string]> = [
    [p.days + 7 * p.weeks, '天', 'd'],
    [p.hours, '时', 'h'],
    [p.minutes, '分', 'm'],
    [Math.round(p.seconds), '秒', 's'],
  ];
  const shown = parts.filter(([n]) => n > 0);
  if (shown.length === 0) return '0 秒 · 0s';
  return `${shown.map(([n, zh]) => `${n} ${zh}`).join(' ')} · ${shown.map(([n, , en]) => `${n}${en}`).join(' ')}`;
}

/** An instant in the district's time (China Standard Time), as printed on the report. */
export function reportTime(iso: string): string {
  const local = districtWallClock(iso);
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (UTC+${DISTRICT_UTC_OFFSET_MINUTES / 60})`;
}

const RATE_COLUMNS = [
  ['responseRate', '响应率', 'Response rate'],
  ['onTimeRate', '按时办结率', 'On-time rate'],
  ['resolutionRate', '解决率', 'Resolution rate'],
  ['satisfactionRate', '满意率', 'Satisfaction rate'],
] as const;

const percent = (r: number | null) => (r === null ? '—' : `${(r * 100).toFixed(1)}%`);

/**
 * The monthly joint-meeting report (联席会议) as CSV: one row per unit with its figures and rank,
 * then, after a blank line, the month's overdue and difficult cases, then the committee's needs,
 * resources and projects figures and each unit's part in them.
 * Starts with a byte-order mark so spreadsheet programs read the Chinese names as UTF-8.
 */
export function meetingCsv(report: MeetingReport): string {
  const header = [
    'rank',
    'unit_id',
    'unit_zh',
    'unit_en',
    ...RATE_COLUMNS.map(([key]) => key),
    'score',
    'dispatched',
    'signed_on_time',
    'due',
    'fixed_on_time',
    'closed',
    'solved',
    'rated',
    'chair',
  ];
  const rows = report.kpis.units.map((u) =>
    [
      u.rank,
      u.unitId,
      u.name?.zh ?? '',
      u.name?.en ?? '',
      ...RATE_COLUMNS.map(([key]) => u[key]),
      u.score,
      u.counts.dispatched,
      u.counts.signedOnTime,
      u.counts.due,
      u.counts.fixedOnTime,
      u.counts.closed,
      u.counts.solved,
      u.counts.rated,
      report.chair?.id === u.unitId ? 'yes' : '',
    ]
      .map(csvCell)
      .join(','),
  );
  // The cases follow the units after a blank line, as a second table.
  const caseRows = report.cases.listed.map((c) =>
    [
      c.trackingCode,
      c.category,
      c.priority,
      c.unitId ?? '',
      reportTime(c.createdAt),
      isOpen(c) ? 'open' : 'closed',
      c.reasons.join(' '),
    ]
      .map(csvCell)
      .join(','),
  );
  const cases = [
    'case_tracking_code,category,priority,unit_id,reported_at,open,reasons',
    ...caseRows,
    ...(report.cases.more > 0 ? [`${report.cases.more} more not listed`] : []),
  ];
  return `\uFEFF${[header.join(','), ...rows, '', ...cases, '', ...committeeSectionCsv(report.committee)].join('\r\n')}\r\n`;
}

/**
 * The same report as a printable page (Chinese first, English beside it). No script: the content
 * security policy allows none inline, and the browser's own Print is all it needs.
 */
export function meetingHtml(report: MeetingReport): string {
  const k = report.kpis;
  const tiles = RATE_COLUMNS.map(
    ([key, zh, en]) => `<div class="tile"><b>${percent(k[key])}</b><span>${zh} · ${en}</span></div>`,
  ).join('');
  const times = [
    ['签收时长中位数 · median time to sign', k.ackP50],
    ['签收时长 P90 · p90 time to sign', k.ackP90],
    ['办结时长中位数 · median time to fix', k.resolveP50],
    ['办结时长 P90 · p90 time to fix', k.resolveP90],
  ]
    .map(
      ([label, value]) => `<tr><th>${label}</th><td>${escapeHtml(readableDuration(value ?? null))}</td></tr>`,
    )
    .join('');
  const units = k.units
    .map(
      (u) =>
        `<tr${report.chair?.id === u.unitId ? ' class="chair"' : ''}><td>${u.rank}</td><td>${escapeHtml(
          u.name?.zh ?? u.unitId,
        )}<br><small>${escapeHtml(u.name?.en ?? '')}</small></td>${RATE_COLUMNS.map(
          ([key]) => `<td>${percent(u[key])}</td>`,
        ).join('')}<td>${u.counts.dispatched}</td></tr>`,
    )
    .join('');
  const categories = k.byCategory
    .map(
      (c) =>
        `<tr><td>${escapeHtml(report.categoryNames.get(c.category)?.zh ?? c.category)}<br><small>${escapeHtml(
          report.categoryNames.get(c.category)?.en ?? '',
        )}</small></td>${RATE_COLUMNS.map(([key]) => `<td>${percent(c[key])}</td>`).join(
          '',
        )}<td>${c.counts.dispatched}</td></tr>`,
    )
    .join('');
  const name = (names: ReadonlyMap<string, LocalizedName>, id: string | null) =>
    id === null
      ? '—'
      : `${escapeHtml(names.get(id)?.zh ?? id)}<br><small>${escapeHtml(names.get(id)?.en ?? '')}</small>`;
  const cases = report.cases.listed
    .map(
      (c) =>
        `<tr><td>${escapeHtml(c.trackingCode)}</td><td>${c.priority} ${name(report.categoryNames, c.category)}</td><td>${name(
          report.unitNames,
          c.unitId,
        )}</td><td>${escapeHtml(reportTime(c.createdAt))}</td><td>${
          isOpen(c) ? '未办结<br><small>open</small>' : '已办结<br><small>closed</small>'
        }</td><td>${c.reasons.map((r) => `${REASONS[r][0]}<br><small>${REASONS[r][1]}</small>`).join('<br>')}</td></tr>`,
    )
    .join('');
  const moreCases =
    report.cases.more > 0
      ? `<p class="sub">另有 ${report.cases.more} 件未列出 · ${report.cases.more} more not listed</p>`
      : '';
  const chair = report.chair
    ? `${escapeHtml(report.chair.name.zh)} · ${escapeHtml(report.chair.name.en)}`
    : '（无成员单位 · no member units）';
  const rateHeads = RATE_COLUMNS.map(([, zh, en]) => `<th>${zh}<br><small>${en}</small></th>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(report.area.name.zh)} ${report.month} 联席会议报告</title>
<style>
body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2rem;color:#1a1a1a}
h1{font-size:1.4rem;margin:0 0 .25rem}.sub{color:#555;margin:0 0 1.5rem}
.tiles{display:grid;grid-template-columns:repeat(4,1fr);gap:.75rem;margin:1rem 0}
.tile{border:1px solid #ccc;border-radius:6px;padding:.75rem;text-align:center}
.tile b{display:block;font-size:1.6rem}.tile span{font-size:.8rem;color:#555}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left}
th{background:#f3f4f6}tr.chair td{background:#fff7e0}small{color:#666}
.sign{margin-top:3rem;display:flex;gap:4rem}
@media print{body{margin:1cm}.noprint{display:none}}
</style></head><body>
<h1>${escapeHtml(report.area.name.zh)} ${report.month} 联席会议报告</h1>
<p class="sub">${escapeHtml(report.area.name.en)} · joint meeting report ${report.month} · 轮值主席 rotating chair: <b>${chair}</b></p>
<p class="noprint">打印：浏览器的“打印”（Ctrl+P）· Print with the browser (Ctrl+P)</p>
<div class="tiles">${tiles}</div>
<table>${times}</table>
<h2>成员单位排名 · Units ranked</h2>
<table><thead><tr><th>名次<br><small>Rank</small></th><th>单位<br><small>Unit</small></th>${rateHeads}<th>派单<br><small>Dispatched</small></th></tr></thead><tbody>${
    units || '<tr><td colspan="7">本月无派单 · nothing dispatched this month</td></tr>'
  }</tbody></table>
<h2>按类别 · By category</h2>
<table><thead><tr><th>类别<br><small>Category</small></th>${rateHeads}<th>派单<br><small>Dispatched</small></th></tr></thead><tbody>${categories}</tbody></table>
<h2>逾期与疑难案件 · Overdue and difficult cases</h2>
<table><thead><tr><th>编号<br><small>Code</small></th><th>类别<br><small>Category</small></th><th>单位<br><small>Unit</small></th><th>上报时间<br><small>Reported</small></th><th>状态<br><small>Status</small></th><th>原因<br><small>Why</small></th></tr></thead><tbody>${
    cases || '<tr><td colspan="6">本月无逾期或疑难案件 · none this month</td></tr>'
  }</tbody></table>
${moreCases}
${committeeSectionHtml(report.committee, report.unitNames)}
<p class="sub">派单 ${k.counts.dispatched} · 按时签收 ${k.counts.signedOnTime} · 到期 ${k.counts.due} · 按时办结 ${k.counts.fixedOnTime} · 销号 ${k.counts.closed} · 评价 ${k.counts.rated}</p>
<div class="sign"><span>主持人签字 · Chair: ________</span><span>记录人 · Minutes: ________</span></div>
<p class="sub"><small>生成于 generated ${escapeHtml(reportTime(report.generatedAt))}</small></p>
</body></html>`;
}
