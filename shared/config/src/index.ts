export { z } from 'zod';
export * from './common-config';
export * from './load-config';
