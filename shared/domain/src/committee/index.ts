/** The joint committee's lists: needs, resources, projects, and how they are matched. */

export * from './committee-kinds';
export * from './community-centre';
export * from './milestone-timers';
export * from './need-triage';
export * from './project-lifecycle';
export * from './resource-matching';
export * from './similar-needs';
