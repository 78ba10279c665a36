import { resolve } from 'node:path';
import { defineConfig } from 'vite';

/**
 * The web pages of grid-dispatch: one multi-page Vite build, emitted into services/live/public,
 * which the live service serves statically. Preact through Oxc's automatic JSX runtime (no plugin).
 * Nothing is loaded from the internet at run time: the system runs on a closed network.
 */
const root = import.meta.dirname;

export default defineConfig({
  root,
  base: '/',
  logLevel: 'warn',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: resolve(root, '../public'),
    emptyOutDir: true,
    target: 'es2022',
    // No source maps in what is served: the pages' source is not published.
    sourcemap: false,
    rollupOptions: {
      input: {
        index: resolve(root, 'index.html'),
        console: resolve(root, 'console.html'),
        dashboard: resolve(root, 'dashboard.html'),
        admin: resolve(root, 'admin.html'),
        hotline: resolve(root, 'hotline.html'),
      },
    },
  },
  resolve: {
    // The pages take the product's rules (statuses, the action table, durations, the district's
    // time zone) from the domain package itself, as source, so only what they use is bundled.
    alias: { '@grid-dispatch/domain': resolve(root, '../../../shared/domain/src/index.ts') },
  },
  server: {
    // `npx vite --config services/live/web/vite.config.ts` for development against a running system.
    proxy: {
      '/api': 'http://localhost:8080',
      '/map-settings.json': 'http://localhost:8080',
      '/socket.io': { target: 'ws://localhost:8080', ws: true },
    },
  },
});
