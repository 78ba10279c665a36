import type { LocalizedName } from '@grid-dispatch/db';
import type { CommitteeFigures } from '@grid-dispatch/domain';
import { csvCell } from '../csv-cell';
import { escapeHtml } from '../html-text';

/**
 * The committee's needs, resources and projects in the monthly meeting report: the month's
 * figures (as on the dashboard's figures tab) and each unit's part in them. Rows are
 * [zh, en, value], so the page and the CSV say the same things.
 */
function figureRows(f: CommitteeFigures): Array<[string, string, string, string | number]> {
  return [
    ['needs_raised', '新提需求', 'needs raised', f.needs.raised],
    ['needs_accepted', '受理需求', 'needs accepted', f.needs.accepted],
    ['needs_served', '已满足需求', 'needs served', f.needs.served],
    ['projects_delivered', '交付项目', 'projects delivered', f.delivered.total],
    [
      'median_days_need_to_delivered',
      '需求到交付天数中位数',
      'median days from need to delivery',
      f.medianDaysNeedToDelivered ?? '',
    ],
    ['satisfaction_mean', '群众评价均分', 'residents’ mean score', f.satisfaction.mean ?? ''],
    ['satisfaction_count', '评价数', 'evaluations', f.satisfaction.count],
  ];
}

/** The section of the printable page. */
export function committeeSectionHtml(
  f: CommitteeFigures,
  unitNames: ReadonlyMap<string, LocalizedName>,
): string {
  const figures = figureRows(f)
    .map(([, zh, en, value]) => `<tr><th>${zh} · ${en}</th><td>${value === '' ? '—' : value}</td></tr>`)
    .join('');
  const units = f.units
    .filter((u) => u.projectsLed + u.projectsJoined + u.resourcesOffered > 0)
    .map(
      (u) =>
        `<tr><td>${escapeHtml(unitNames.get(u.unitId)?.zh ?? u.unitId)}<br><small>${escapeHtml(
          unitNames.get(u.unitId)?.en ?? '',
        )}</small></td><td>${u.projectsLed}</td><td>${u.projectsJoined}</td><td>${u.resourcesOffered}</td></tr>`,
    )
    .join('');
  return `<h2>需求、资源与项目清单 · Needs, resources and projects</h2>
<table>${figures}</table>
<table><thead><tr><th>单位<br><small>Unit</small></th><th>牵头项目<br><small>Projects led</small></th><th>参与项目<br><small>Projects joined</small></th><th>提供资源<br><small>Resources offered</small></th></tr></thead><tbody>${
    units || '<tr><td colspan="4">本月无单位参与 · no unit took part this month</td></tr>'
  }</tbody></table>`;
}

/** The same as two CSV tables: the figures, then each unit's part. */
export function committeeSectionCsv(f: CommitteeFigures): string[] {
  return [
    'committee_figure,value',
    ...figureRows(f).map(([key, , , value]) => [key, value].map(csvCell).join(',')),
    '',
    'unit_id,projects_led,projects_joined,resources_offered',
    ...f.units.map((u) =>
      [u.unitId, u.projectsLed, u.projectsJoined, u.resourcesOffered].map(csvCell).join(','),
    ),
  ];
}
