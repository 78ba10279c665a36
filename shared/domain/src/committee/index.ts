/** The joint committee: its lists (needs, resources, projects) and matching, meetings, activities, figures. */

export * from './activity-calendar';
export * from './chair-rotation';
export * from './committee-figures';
export * from './committee-kinds';
export * from './committee-members';
export * from './community-centre';
export * from './meeting-agenda';
export * from './meeting-decision';
export * from './meeting-minutes';
export * from './milestone-timers';
export * from './need-triage';
export * from './project-lifecycle';
export * from './resource-matching';
export * from './similar-needs';
