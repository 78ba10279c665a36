export * from './activity-calendar';
export * from './chair-rotation';
export * from './committee-figures';
export * from './committee-members';
export * from './meeting-agenda';
export * from './meeting-decision';
export * from './meeting-minutes';
