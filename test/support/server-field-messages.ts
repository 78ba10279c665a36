import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** One message the server can put in `error.fields[].message`, as it reads in the source. */
export interface ServerFieldMessage {
  /** Literal text, with `\u0000` where the source fills in a value (a number, a name, an id). */
  text: string;
  /** Where it is written, `services/x/src/file.ts:line`. */
  at: string;
}

/** The hole a template's `${…}` leaves in {@link ServerFieldMessage.text}. */
export const HOLE = '\u0000';

/**
 * Helpers taking a field's message, by the argument it is (`fieldError(path, message)`: the second).
 * A new helper of that shape belongs here; the scan also fails on a helper it does not know (see
 * {@link unknownFieldHelpers}).
 */
const FIELD_HELPERS = new Map([
  ['fieldError', 1],
  ['invalid', 1],
  ['badField', 1],
  ['malformed', 1],
  ['bad', 1],
  ['add', 1],
  // Open311's refused api_key: `refused(message)`.
  ['refused', 0],
]);

/** Zod checks whose last argument (a string or `{ message }`) is the issue's message. */
const ZOD_CHECKS = new Set([
  'min',
  'max',
  'length',
  'regex',
  'refine',
  'email',
  'url',
  'int',
  'positive',
  'nonnegative',
  'nonempty',
  'gt',
  'gte',
  'lt',
  'lte',
  'startsWith',
  'endsWith',
  'includes',
]);

/** Zod checks whose only argument is the message (`.email('…')`); the others take a value first. */
const MESSAGE_ONLY_CHECKS = new Set(['email', 'url', 'int', 'positive', 'nonnegative', 'nonempty']);

/**
 * Functions whose answer becomes a field's message further on (the route passes it through):
 * every string they return, throw as an Error or answer as `{ ok: false, reason }` is a message
 * too, and so is the text they hand a function of their own (`fail('negative…')`). Functions named
 * `…Problem` are taken without being listed.
 */
const MESSAGE_SOURCES = new Set([
  'fixedOffsetMinutes',
  'parseIsoDurationParts',
  'parseIsoDuration',
  'parseW3cDateTime',
  // The joint committee's rules: their outcomes carry the message a route answers.
  'triageNeed',
  'advanceProject',
  'changeMilestone',
]);

/**
 * Files that never answer a request: start-up configuration (its messages go to the operator's
 * terminal) and the pages themselves.
 */
function answersRequests(file: string): boolean {
  return !/(^|\/)(config|load-config|common-config)\.ts$/.test(file) && !file.includes('/live/web/');
}

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'web') walk(full);
      } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) files.push(full);
    }
  };
  for (const group of ['services', 'shared']) {
    for (const pkg of readdirSync(path.join(ROOT, group))) {
      const src = path.join(ROOT, group, pkg, 'src');
      try {
        walk(src);
      } catch {
        // a package without sources of its own
      }
    }
  }
  return files.filter((f) => answersRequests(path.relative(ROOT, f)));
}

function nameOf(node: ts.Node | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isIdentifier(node) || ts.isPrivateIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

function property(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const p of object.properties) {
    if (ts.isPropertyAssignment(p) && nameOf(p.name) === name) return p.initializer;
    if (ts.isShorthandPropertyAssignment(p) && p.name.text === name) return p.name;
  }
  return undefined;
}

/** The names of the functions a node sits in, innermost first. */
function enclosingFunctions(node: ts.Node): string[] {
  const names: string[] = [];
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isFunctionDeclaration(n) || ts.isMethodDeclaration(n)) names.push(nameOf(n.name) ?? '');
    else if ((ts.isArrowFunction(n) || ts.isFunctionExpression(n)) && ts.isVariableDeclaration(n.parent))
      names.push(nameOf(n.parent.name) ?? '');
  }
  return names;
}

function isMessageSource(name: string): boolean {
  return MESSAGE_SOURCES.has(name) || /Problem$/.test(name);
}

/** Inside a message source, or inside a function of its own (`const fail = (why) => …`). */
function inMessageSource(node: ts.Node): boolean {
  return enclosingFunctions(node).some(isMessageSource);
}

/** A call, inside a message source, of a function declared in it: its text arguments are messages. */
function isLocalHelperCall(node: ts.CallExpression, source: ts.SourceFile): boolean {
  if (!ts.isIdentifier(node.expression) || !inMessageSource(node)) return false;
  const callee = node.expression.text;
  for (let n: ts.Node | undefined = node.parent; n; n = n.parent) {
    if (ts.isBlock(n) || ts.isSourceFile(n)) {
      const declared = n.statements.some(
        (s) =>
          ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => nameOf(d.name) === callee),
      );
      if (declared) return !ts.isSourceFile(n);
    }
    if (n === source) break;
  }
  return false;
}

/** Every source file's messages; the helpers in {@link FIELD_HELPERS} are checked to be the only ones. */
export function serverFieldMessages(): { messages: ServerFieldMessage[]; untraced: string[] } {
  const files = sourceFiles().map((file) => {
    const text = readFileSync(file, 'utf8');
    return { file, source: ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true) };
  });
  // Module constants holding text, so `message: PHOTO_REFERENCE_RULE` is read as its text.
  const constants = new Map<string, ts.Expression>();
  for (const { source } of files) {
    for (const statement of source.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const d of statement.declarationList.declarations) {
        if (ts.isIdentifier(d.name) && d.initializer) constants.set(d.name.text, d.initializer);
      }
    }
  }
  const found: ServerFieldMessage[] = [];
  const untraced: string[] = [];
  for (const { file, source } of files) {
    const at = (node: ts.Node) =>
      `${path.relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    /** The texts an expression may have; values computed elsewhere (a variable) give none. */
    const texts = (e: ts.Expression, seen = new Set<string>()): string[] => {
      if (ts.isStringLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e)) return [e.text];
      if (ts.isTemplateExpression(e)) {
        // A hole filled from a constant text reads as that text (`${PHOTO_REFERENCE_RULE} (…)`).
        const filled = (s: ts.TemplateSpan) => {
          const known = texts(s.expression, seen);
          return known.length === 1 ? known[0]! : HOLE;
        };
        return [e.head.text + e.templateSpans.map((s) => filled(s) + s.literal.text).join('')];
      }
      if (ts.isParenthesizedExpression(e)) return texts(e.expression, seen);
      if (ts.isConditionalExpression(e)) return [...texts(e.whenTrue, seen), ...texts(e.whenFalse, seen)];
      if (ts.isBinaryExpression(e) && e.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        const left = texts(e.left, seen);
        const right = texts(e.right, seen);
        return left.flatMap((l) => (right.length ? right : [HOLE]).map((r) => l + r));
      }
      if (ts.isIdentifier(e) && constants.has(e.text) && !seen.has(e.text)) {
        seen.add(e.text);
        return texts(constants.get(e.text)!, seen);
      }
      return [];
    };
    /** `where` names a field's message position, so a value computed elsewhere is listed as untraced. */
    const take = (e: ts.Expression | undefined, where = false) => {
      if (!e) return;
      const known = texts(e);
      for (const text of known) found.push({ text, at: at(e) });
      if (where && known.length === 0) untraced.push(`${at(e).replace(/:\d+$/, '')}: ${e.getText(source)}`);
    };
    const visit = (node: ts.Node): void => {
      if (ts.isObjectLiteralExpression(node)) {
        const message = property(node, 'message');
        const code = property(node, 'code');
        const isIssue = code !== undefined && ts.isStringLiteral(code) && code.text === 'custom';
        if (message && (property(node, 'path') || isIssue || isZodCheckArgument(node))) take(message, true);
        const ok = property(node, 'ok');
        if (ok && ok.kind === ts.SyntaxKind.FalseKeyword && inMessageSource(node))
          take(property(node, 'reason'));
      }
      if (ts.isCallExpression(node)) {
        const callee = nameOf(node.expression);
        // The message is each helper's last argument; `add(path, message)` is the domain's
        // InputCollector (a Set's add takes one argument).
        const at = callee === undefined ? undefined : FIELD_HELPERS.get(callee);
        if (at !== undefined && node.arguments.length === at + 1) take(node.arguments[at], true);
        if (callee && ZOD_CHECKS.has(callee) && ts.isPropertyAccessExpression(node.expression)) {
          const last = node.arguments[node.arguments.length - 1];
          const alone = MESSAGE_ONLY_CHECKS.has(callee) && node.arguments.length === 1;
          if (last && !ts.isObjectLiteralExpression(last) && (alone || node.arguments.length >= 2))
            take(last);
        }
      }
      if (ts.isReturnStatement(node) && node.expression && inMessageSource(node)) take(node.expression);
      if (ts.isThrowStatement(node) && ts.isNewExpression(node.expression) && inMessageSource(node))
        take(node.expression.arguments?.[0]);
      if (ts.isCallExpression(node) && isLocalHelperCall(node, source))
        for (const a of node.arguments) take(a);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { messages: found, untraced: [...new Set(untraced)].sort() };
}

/** `{ message }` given to a zod check such as `.min(1, { message })`. */
function isZodCheckArgument(node: ts.ObjectLiteralExpression): boolean {
  const call = node.parent;
  return (
    ts.isCallExpression(call) &&
    ts.isPropertyAccessExpression(call.expression) &&
    ZOD_CHECKS.has(call.expression.name.text)
  );
}

/**
 * Functions that build a field's problem from a message they are given but are not in
 * {@link FIELD_HELPERS} (or at another argument): their callers' messages would slip past the scan.
 */
export function unknownFieldHelpers(): string[] {
  const unknown: string[] = [];
  for (const file of sourceFiles()) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      const fn =
        ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)
          ? { name: nameOf(node.name), decl: node }
          : ts.isVariableDeclaration(node) && node.initializer && ts.isArrowFunction(node.initializer)
            ? { name: nameOf(node.name), decl: node.initializer }
            : undefined;
      if (fn?.decl.body && fn.name) {
        const body = fn.decl.body.getText(source);
        fn.decl.parameters.forEach((p, index) => {
          const param = nameOf(p.name);
          const buildsField =
            param !== undefined &&
            (new RegExp(`\\{\\s*path[^}]*message: ${param}\\b`).test(body) ||
              (param === 'message' && /\{\s*path[^}]*\bmessage\s*\}/.test(body)) ||
              new RegExp(`fieldError\\([^,]+, ${param}\\)`).test(body));
          if (buildsField && FIELD_HELPERS.get(fn.name!) !== index)
            unknown.push(`${path.relative(ROOT, file)}: ${fn.name}`);
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return unknown;
}
