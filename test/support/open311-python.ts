import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository's root (this file runs from test/dist/support). */
const ROOT = resolve(__dirname, '../../..');
/** A private virtualenv for outside Python clients, kept between runs (.cache/ is git-ignored). */
export const OPEN311_VENV = resolve(ROOT, '.cache/open311-venv');
const PYTHON = resolve(OPEN311_VENV, 'bin/python');
/** The client's version the suite was written against. */
const GEOREPORT = 'georeport==0.3.1';

/** An element as Python's xml.etree.ElementTree read it: tag, text and children. */
export interface XmlNode {
  tag: string;
  text: string;
  children: XmlNode[];
}

const TO_JSON = `
import json, sys, xml.etree.ElementTree as ET
def node(e):
    return {"tag": e.tag, "text": (e.text or "").strip(), "children": [node(c) for c in e]}
print(json.dumps(node(ET.fromstring(sys.stdin.buffer.read()))))
`;

/** Parses XML with a real parser (Python's ElementTree); throws on anything not well-formed. */
export async function parseXml(xml: string): Promise<XmlNode> {
  const child = execFile('python3', ['-c', TO_JSON], { maxBuffer: 16 * 1024 * 1024 });
  const out = new Promise<string>((ok, fail) => {
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => {
      stdout += d;
    });
    child.stderr!.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => (code === 0 ? ok(stdout) : fail(new Error(`not XML: ${stderr.trim()}`))));
  });
  child.stdin!.end(xml);
  return JSON.parse(await out) as XmlNode;
}

/** The children of `node` with this tag. */
export function childrenNamed(node: XmlNode, tag: string): XmlNode[] {
  return node.children.filter((c) => c.tag === tag);
}

/** `{tag: text}` of a flat element's children. */
export function flatRecord(node: XmlNode): Record<string, string> {
  return Object.fromEntries(node.children.map((c) => [c.tag, c.text]));
}

/**
 * Makes sure the virtualenv holds PyPI's `georeport` (an Open311 GeoReport v2 client), creating
 * it and installing with pip only when missing, so a second run reuses it.
 */
export async function ensureGeoreportClient(): Promise<string> {
  const has = async () =>
    existsSync(PYTHON) &&
    (await run(PYTHON, ['-c', 'import georeport'], { timeout: 30000 }).then(
      () => true,
      () => false,
    ));
  if (await has()) return PYTHON;
  if (!existsSync(PYTHON)) await run('python3', ['-m', 'venv', OPEN311_VENV], { timeout: 120000 });
  await run(PYTHON, ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', GEOREPORT], {
    timeout: 300000,
  });
  if (!(await has())) throw new Error('georeport did not install into the virtualenv');
  return PYTHON;
}

/** Runs a Python script with the virtualenv's interpreter and parses the JSON it prints. */
export async function runPythonJson<T = any>(
  python: string,
  script: string,
  args: string[] = [],
): Promise<T> {
  const { stdout } = await run(python, ['-c', script, ...args], {
    timeout: 60000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(stdout) as T;
}
