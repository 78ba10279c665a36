/** The responsibility list (责任清单) and routing by it. */
export * from './responsibility.resolver';
export * from './route-ticket';
