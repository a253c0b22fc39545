import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Served by the API at /console from dist/apps/console; everything (fonts included) is bundled, no CDN. */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/apps/console', import.meta.url)),
    emptyOutDir: true,
    // No inline scripts or data: URLs for scripts: helmet's CSP allows only 'self'.
    assetsInlineLimit: 0,
  },
  logLevel: 'warn',
});
