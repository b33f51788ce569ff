import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { summaryReporter } from './test/support/summary-reporter.mjs';
import { cdpPlugin } from './test/support/cdp-plugin.mjs';
import { CHROMIUM_ARGS, findChromium } from './test/support/chromium.mjs';

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), cdpPlugin()],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: ['--headless=new', ...CHROMIUM_ARGS] },
    }),
  ],
  // One page at a time: tests drive real mouse and keyboard input, which needs the page in front.
  concurrency: 1,
  reporters: [defaultReporter(), summaryReporter()],
  // Lit's dev-mode banner is noise in the browser-log section.
  filterBrowserLogs: ({ args }) => !String(args[0] ?? '').includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 10000 } },
  // A file's whole run: the leak suite mounts every element 200 times, which on a shared
  // two-core machine can take longer than the default two minutes.
  testsFinishTimeout: 300000,
};
