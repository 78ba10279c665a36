import type { DecisionKind, MeetingDecision } from './meeting-decision';

type Bilingual = { zh: string; en: string };

/** The meeting as stored, as far as its minutes need it. */
export interface MinutesMeeting {
  communityId: string;
  month: string;
  chairUnitId: string;
  status: 'planned' | 'held';
  heldAt: string | null;
  attendeeUnitIds: readonly string[];
  decisions: ReadonlyArray<MeetingDecision & { at: string }>;
  minutes: string | null;
}

export interface MinutesNames {
  community: Bilingual;
  units: ReadonlyMap<string, Bilingual>;
  projects: ReadonlyMap<string, string>;
  /** The committee's member units, to list who was absent. */
  memberUnitIds: readonly string[];
}

export const DECISION_LABELS: Record<DecisionKind, Bilingual> = {
  approve_project: { zh: '批准项目', en: 'Project approved' },
  assign_unit: { zh: '指派单位', en: 'Unit assigned' },
  set_milestone: { zh: '设定节点', en: 'Milestone set' },
  note: { zh: '记录', en: 'Note' },
};

export interface MinutesDecisionLine {
  n: number;
  kind: DecisionKind;
  label: Bilingual;
  projectId: string | null;
  projectTitle: string | null;
  unitId: string | null;
  unitName: Bilingual | null;
  milestone: { id: string | null; title: string; dueAt: string } | null;
  text: string | null;
  at: string;
}

/** The minutes as a printable page lays them out (both languages side by side). */
export interface MeetingMinutes {
  title: Bilingual;
  communityId: string;
  community: Bilingual;
  month: string;
  status: 'planned' | 'held';
  heldAt: string | null;
  chair: { unitId: string; name: Bilingual };
  attendees: Array<{ unitId: string; name: Bilingual }>;
  absent: Array<{ unitId: string; name: Bilingual }>;
  decisions: MinutesDecisionLine[];
  minutes: string | null;
}

const nameOf = (names: MinutesNames, unitId: string): Bilingual =>
  names.units.get(unitId) ?? { zh: unitId, en: unitId };

/** The minutes of a meeting, names filled in, decisions numbered in the order they were taken. */
export function meetingMinutes(meeting: MinutesMeeting, names: MinutesNames): MeetingMinutes {
  const attending = new Set(meeting.attendeeUnitIds);
  return {
    title: {
      zh: `${names.community.zh} 联席会议纪要 ${meeting.month}`,
      en: `${names.community.en} joint meeting minutes, ${meeting.month}`,
    },
    communityId: meeting.communityId,
    community: names.community,
    month: meeting.month,
    status: meeting.status,
    heldAt: meeting.heldAt,
    chair: { unitId: meeting.chairUnitId, name: nameOf(names, meeting.chairUnitId) },
    attendees: meeting.attendeeUnitIds.map((unitId) => ({ unitId, name: nameOf(names, unitId) })),
    absent: names.memberUnitIds
      .filter((id) => !attending.has(id))
      .map((unitId) => ({ unitId, name: nameOf(names, unitId) })),
    decisions: meeting.decisions.map((d, i) => ({
      n: i + 1,
      kind: d.kind,
      label: DECISION_LABELS[d.kind],
      projectId: d.projectId ?? null,
      projectTitle: d.projectId === undefined ? null : (names.projects.get(d.projectId) ?? null),
      unitId: d.unitId ?? null,
      unitName: d.unitId === undefined ? null : nameOf(names, d.unitId),
      milestone: d.milestone
        ? { id: d.milestone.id ?? null, title: d.milestone.title, dueAt: d.milestone.dueAt }
        : null,
      text: d.text ?? null,
      at: d.at,
    })),
    minutes: meeting.minutes,
  };
}

export const MINUTES_CSV_HEADER = [
  'month',
  'n',
  'kind',
  'kind_zh',
  'project_id',
  'project_title',
  'unit_id',
  'unit_zh',
  'unit_en',
  'milestone_title',
  'milestone_due_at',
  'text',
  'at',
] as const;

/**
 * The minutes as CSV rows (cells not yet escaped): a header, the meeting's facts as `#` lines
 * (chair, held, attendees, absent), then one row per decision.
 */
export function minutesRows(minutes: MeetingMinutes): string[][] {
  const units = (list: MeetingMinutes['attendees']) =>
    list.map((u) => `${u.name.zh} (${u.unitId})`).join('; ');
  return [
    ['# community', minutes.communityId, minutes.community.zh, minutes.community.en],
    ['# chair', minutes.chair.unitId, minutes.chair.name.zh, minutes.chair.name.en],
    ['# held_at', minutes.heldAt ?? ''],
    ['# attendees', units(minutes.attendees)],
    ['# absent', units(minutes.absent)],
    ['# minutes', minutes.minutes ?? ''],
    [...MINUTES_CSV_HEADER],
    ...minutes.decisions.map((d) => [
      minutes.month,
      String(d.n),
      d.kind,
      d.label.zh,
      d.projectId ?? '',
      d.projectTitle ?? '',
      d.unitId ?? '',
      d.unitName?.zh ?? '',
      d.unitName?.en ?? '',
      d.milestone?.title ?? '',
      d.milestone?.dueAt ?? '',
      d.text ?? '',
      d.at,
    ]),
  ];
}
