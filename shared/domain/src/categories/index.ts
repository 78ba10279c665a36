/** Problem categories, priorities and ISO-8601 time limits. */
export * from './category.types';
export * from './category-defaults';
export * from './iso-duration.parser';
