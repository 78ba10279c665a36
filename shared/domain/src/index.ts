/**
 * The domain of grid-dispatch as pure functions: no I/O, no clocks read, no randomness.
 * Services wire I/O around these; everything here is unit-tested table by table.
 */

export * from './areas/index';
export * from './calendar/index';
export * from './categories/index';
export * from './committee/index';
export * from './contact/index';
export * from './deadlines/index';
export * from './geo/index';
export * from './kpi/index';
export * from './lifecycle/index';
export * from './planned-works/index';
export * from './routing/index';
export * from './sla/index';
export * from './sms/index';
export * from './validation/index';
export * from './webhooks/index';
