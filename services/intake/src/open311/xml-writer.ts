/**
 * A small XML writer for Open311's answers: element names are checked, text is escaped
 * (`& < > " '`), and characters XML 1.0 cannot carry (control characters other than tab, line
 * feed and carriage return, lone surrogates, U+FFFE/U+FFFF) become U+FFFD. Nothing here parses XML.
 */

/** A text value (null and undefined write an empty element), or child elements. */
export type XmlValue = string | number | boolean | null | undefined | XmlElement[];

export interface XmlElement {
  name: string;
  value: XmlValue;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const NOT_XML_CHAR =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Text safe inside an element or an attribute value. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

export function element(name: string, value: XmlValue): XmlElement {
  if (!NAME.test(name) || /^xml/i.test(name)) throw new Error(`not a usable XML element name: ${name}`);
  return { name, value };
}

/** One element per entry, in order; entries whose value is undefined are left out. */
export function elementsOf(record: Record<string, XmlValue>): XmlElement[] {
  return Object.entries(record)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => element(name, value));
}

function render(node: XmlElement): string {
  const { name, value } = node;
  if (Array.isArray(value)) return `<${name}>${value.map(render).join('')}</${name}>`;
  if (value === null || value === undefined || value === '') return `<${name}/>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** A whole document: the XML declaration and the root element. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n${render(root)}\n`;
}
