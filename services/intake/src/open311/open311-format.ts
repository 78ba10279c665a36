import type { Response } from 'express';
import type { Open311ErrorAnswer } from './open311-errors';
import type { discoveryView } from './service-list';
import { element, elementsOf, type XmlValue, xmlDocument } from './xml-writer';

/** The two formats of every Open311 resource, chosen by the path's extension. */
export type Open311Format = 'json' | 'xml';

export const XML_CONTENT_TYPE = 'text/xml; charset=utf-8';

/** `requests.json` → `{name: 'requests', format: 'json'}`; null for anything else. */
export function splitFormat(file: string): { name: string; format: Open311Format } | null {
  const match = /^(.+)\.(json|xml)$/i.exec(file);
  if (!match) return null;
  return { name: match[1]!, format: match[2]!.toLowerCase() as Open311Format };
}

/** Flat records as a list under a root, one item element each (`<services><service>…`). */
export function listXml(root: string, item: string, records: ReadonlyArray<object>): string {
  return xmlDocument(
    element(
      root,
      records.map((record) => element(item, elementsOf(record as Record<string, XmlValue>))),
    ),
  );
}

export function discoveryXml(discovery: ReturnType<typeof discoveryView>): string {
  return xmlDocument(
    element('discovery', [
      element('changeset', discovery.changeset),
      element('contact', discovery.contact),
      element('key_service', discovery.key_service),
      element(
        'endpoints',
        discovery.endpoints.map(({ formats, ...endpoint }) =>
          element('endpoint', [
            ...elementsOf(endpoint),
            element(
              'formats',
              formats.map((f) => element('format', f)),
            ),
          ]),
        ),
      ),
    ]),
  );
}

export function serviceDefinitionXml(serviceCode: string): string {
  return xmlDocument(
    element('service_definition', [element('service_code', serviceCode), element('attributes', [])]),
  );
}

/** Sends JSON as it is, or the XML the caller built from it. */
export function sendOpen311(
  res: Response,
  format: Open311Format,
  status: number,
  json: unknown,
  xml: () => string,
): void {
  res.status(status);
  if (format === 'json') res.json(json);
  else res.set('Content-Type', XML_CONTENT_TYPE).send(xml());
}

/** An error answer in the request's format (JSON `[{code, description}]`, XML `<errors><error>…`). */
export function sendOpen311Errors(res: Response, format: Open311Format, answer: Open311ErrorAnswer): void {
  if (answer.retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(answer.retryAfterSeconds));
  sendOpen311(res, format, answer.status, answer.errors, () => listXml('errors', 'error', answer.errors));
}
