import { readFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import ts from 'typescript';

const WEB_SRC = path.resolve(__dirname, '..', '..', '..', 'services', 'live', 'web', 'src');
const cache = new Map<string, unknown>();

/**
 * Loads one pure module of the web pages (services/live/web/src/<relPath>.ts) in Node for a unit
 * test. The web code is built by Vite, outside the test project's rootDir, so it is transpiled
 * here; modules whose imports are types, `@grid-dispatch/domain` (the built package) or other such
 * pure modules of the pages (relative imports, loaded the same way) fit.
 * The caller states the exports' types: importing them would pull the file into this project.
 */
export function loadWebModule<T>(relPath: string): T {
  const file = path.join(WEB_SRC, `${relPath}.ts`);
  const hit = cache.get(file);
  if (hit) return hit as T;
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    fileName: file,
  });
  const mod = new Module(file) as Module & { _compile(code: string, filename: string): void };
  mod.filename = file;
  // The pages import the domain's rules; here they resolve to the built package.
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(
    path.dirname(file),
  );
  // A relative import is another page module: transpile it the same way (its own cache entry).
  const nodeRequire = mod.require.bind(mod);
  mod.require = ((id: string) =>
    id.startsWith('.')
      ? loadWebModule(path.relative(WEB_SRC, path.resolve(path.dirname(file), id)))
      : nodeRequire(id)) as NodeJS.Require;
  // Cached before it runs, so two modules that import each other get each other's exports.
  cache.set(file, mod.exports);
  mod._compile(outputText, file);
  return mod.exports as T;
}
