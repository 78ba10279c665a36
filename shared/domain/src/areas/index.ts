/** The district → sub-district → community → grid hierarchy. */
export * from './area.types';
export * from './area-tree';
export * from './grid-locator';
