export * from './area-boundary';
export * from './connection';
export * from './models';
export * from './outbox-relay';
export * from './ticket.repository';
export * from './ticket-events';
export * from './ticket-lock';
