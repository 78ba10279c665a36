import { readFileSync } from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import ts from 'typescript';

const WEB_SRC = path.resolve(__dirname, '..', '..', '..', 'services', 'live', 'web', 'src');
const cache = new Map<string, unknown>();

/**
 * Loads one pure module of the web pages (services/live/web/src/<relPath>.ts) in Node for a unit
 * test. The web code is built by Vite, outside the test project's rootDir, so it is transpiled
 * here; modules whose only imports are types or `@grid-dispatch/domain` (the built package) fit.
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
  mod._compile(outputText, file);
  cache.set(file, mod.exports);
  return mod.exports as T;
}
