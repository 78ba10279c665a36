/** The ticket lifecycle state machine and its action table. */

export * from './action-rules.table';
export * from './fix-evidence';
export * from './lifecycle.machine';
export * from './lifecycle.types';
export * from './lifecycle-command.types';
export * from './lifecycle-input.validator';
export * from './lifecycle-outcome.types';
export * from './lifecycle-view.reducer';
export * from './offered-actions';
export * from './role.types';
export * from './ticket-status.types';
export * from './unit-action-draft';
