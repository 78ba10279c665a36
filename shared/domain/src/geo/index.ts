/** Geometry on WGS-84 positions and GeoJSON polygons. */

export * from './coarse-location';
export * from './distance.math';
export * from './geo.types';
export * from './point-in-polygon.math';
export * from './polygon.validator';
export * from './polygon-area.math';
export * from './segment.math';
