export * from './consumer-lag';
export * from './gauge-collector';
export * from './http-metrics';
export * from './http-route-label';
export * from './metrics-server';
export * from './service-metrics';
