import type { AreaNode, GeoJsonPolygon } from '@grid-dispatch/domain';
import type { AreaDoc } from './models';

/** The stored form of a boundary (see AreaDoc.boundaryJson for why it is text). */
export function boundaryJson(polygon: GeoJsonPolygon | null | undefined): string | null {
  return polygon ? JSON.stringify(polygon) : null;
}

export function areaBoundary(doc: Pick<AreaDoc, 'boundaryJson'>): GeoJsonPolygon | undefined {
  return doc.boundaryJson ? (JSON.parse(doc.boundaryJson) as GeoJsonPolygon) : undefined;
}

/** A stored area as the domain's AreaNode (for routing and scope checks). */
export function toAreaNode(
  doc: Pick<AreaDoc, '_id' | 'level' | 'parentId' | 'boundaryJson'> & { dutyUnitId?: string | null },
): AreaNode {
  const boundary = areaBoundary(doc);
  return {
    id: doc._id,
    level: doc.level,
    parentId: doc.parentId,
    ...(boundary ? { boundary } : {}),
    ...(doc.level === 'district' ? { dutyUnitId: doc.dutyUnitId ?? null } : {}),
  };
}

/** An area as the API answers it (README.md#the-api): the boundary back as GeoJSON, not the stored text. */
export function areaJson(
  doc: Pick<AreaDoc, '_id' | 'name' | 'level' | 'parentId' | 'boundaryJson'> & { dutyUnitId?: string | null },
) {
  const boundary = areaBoundary(doc);
  return {
    id: doc._id,
    name: doc.name,
    level: doc.level,
    parentId: doc.parentId,
    ...(boundary ? { boundary } : {}),
    ...(doc.level === 'district' ? { dutyUnitId: doc.dutyUnitId ?? null } : {}),
  };
}
