import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { minifyCssLiterals } from '../scripts/minify-css-literals.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const { version: packageVersion } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
// The update test builds a second version over the first one.
const version = process.env['HUDDLE_BUILD_VERSION'] ?? packageVersion;

export default defineConfig({
  root,
  // Relative asset paths, so the built folder works from any sub-path (e.g. /huddle/).
  base: './',
  define: { __APP_VERSION__: JSON.stringify(version) },
  build: {
    target: 'es2022',
    outDir: '../dist/kiosk',
    emptyOutDir: true,
    sourcemap: true,
    // terser makes the kiosk ~5 kB (gzip) smaller than the default minifier.
    minify: 'terser',
    terserOptions: { compress: { passes: 2 } },
    rolldownOptions: {
      // The kiosk loads the IndexedDB store up front on purpose (elements alone load it on demand),
      // and a terser build is slow by design: neither is worth a warning in every test run.
      checks: { ineffectiveDynamicImport: false, bundlerTimings: false },
    },
  },
  plugins: [
    {
      // The styles of every element and screen ship without indentation and comments.
      name: 'minify-css-literals',
      apply: 'build',
      transform: (code: string, id: string) => (/\.ts$/.test(id) ? { code: minifyCssLiterals(code), map: null } : undefined),
    },
    VitePWA({
      strategies: 'generateSW',
      registerType: 'autoUpdate',
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'Huddle board',
        short_name: 'Huddle',
        description: 'Daily huddle board, coaching and feedback for Leaders Coaching Leaders',
        display: 'fullscreen',
        start_url: './',
        scope: './',
        background_color: '#ffffff',
        theme_color: '#0b4f8a',
        icons: [{ src: 'icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html}'],
        // Without these the new worker never controls the page and an offline reload fails.
        clientsClaim: true,
        skipWaiting: true,
        navigateFallback: 'index.html',
        // The sync server's own pages (sign-in with the identity provider, the API) are not the
        // kiosk: a worker that answered them with the cached page would break the sign-in.
        navigateFallbackDenylist: [/\/auth\//, /\/api\//],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
});
