import type { Priority } from '@grid-dispatch/domain';

/** The category fields a service is built from. */
export interface CategoryForOpen311 {
  _id: string;
  name: { zh: string; en: string };
  description: { zh: string; en: string };
  priority: Priority;
}

export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: false;
  type: 'realtime';
  keywords: string;
  group: string;
}

const GROUPS: Record<Priority, string> = {
  P1: 'P1 紧急 (emergency)',
  P2: 'P2 急 (urgent)',
  P3: 'P3 一般 (normal)',
  P4: 'P4 缓 (low)',
};

/**
 * An active category as an Open311 service: its code, Chinese name and description, grouped by
 * priority. Categories have no attributes, so `metadata` is false; every report is routed at
 * once, so `type` is `realtime`. Keywords: the code's words and the English name.
 */
export function serviceView(category: CategoryForOpen311): Open311Service {
  const keywords = [
    ...category._id.split(/[_-]+/),
    ...category.name.en
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean),
  ];
  return {
    service_code: category._id,
    service_name: category.name.zh,
    description: category.description.zh,
    metadata: false,
    type: 'realtime',
    keywords: [...new Set(keywords)].join(','),
    group: GROUPS[category.priority] ?? category.priority,
  };
}

/** The specification this endpoint follows, as discovery names it. */
export const GEOREPORT_V2_SPECIFICATION = 'http://wiki.open311.org/GeoReport_v2';
/** When the endpoint's behaviour last changed (discovery's `changeset`). */
export const OPEN311_CHANGESET = '2026-11-01T00:00:00Z';

/** The discovery document of the one endpoint served at `url`. */
export function discoveryView(url: string) {
  return {
    changeset: OPEN311_CHANGESET,
    contact: 'The district administrator; see the API keys section of the administration pages.',
    key_service: 'API keys for filing requests are issued by the district administrator.',
    endpoints: [
      {
        specification: GEOREPORT_V2_SPECIFICATION,
        url,
        changeset: OPEN311_CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
