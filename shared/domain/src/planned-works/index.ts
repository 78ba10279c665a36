/** Planned works: announcements that hold back reports of the same work instead of dispatching them. */

export * from './covering-works';
export * from './planned-works.types';
