import type { Platform } from '@grid-dispatch/runtime';

/**
 * What the sla service uses of the platform: its code asks for this slice, so a test or another
 * host can hand it exactly these connections, and a new dependency shows up here first.
 */
export type SlaPlatform = Pick<
  Platform,
  'calendars' | 'kafka' | 'logger' | 'metrics' | 'models' | 'redis' | 'referenceStamp' | 'tickets'
>;
