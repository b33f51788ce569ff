// Serves the built kiosk (dist/kiosk) on localhost and prints its address.
// PORT and HOST override the defaults (HOST=0.0.0.0 to reach it from a wall screen on the LAN).
import { preview } from 'vite';

const port = Number(process.env.PORT ?? 4173);
const host = process.env.HOST ?? 'localhost';
const server = await preview({
  configFile: 'kiosk/vite.config.ts',
  preview: { port, host, strictPort: false, open: false },
  logLevel: 'warn',
});
const url = server.resolvedUrls?.local[0] ?? `http://${host}:${port}/`;
console.log(`\nHuddle kiosk with the demo organisation: ${url}?first-run=demo
Set up your own organisation instead:       ${url}
(serving dist/kiosk; press Ctrl+C to stop)\n`);
