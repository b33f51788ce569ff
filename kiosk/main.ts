/** Kiosk entry: the app shell, persistent storage, and the service worker for offline use and updates. */
import { Workbox } from 'workbox-window';
import './kiosk-app.js';

declare const __APP_VERSION__: string;
document.documentElement.dataset['version'] = __APP_VERSION__;

// Ask the browser not to evict the board's data under storage pressure.
void navigator.storage?.persist?.();

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  const workbox = new Workbox('./sw.js');
  // A new build took control (skipWaiting + clientsClaim): reload into it, but only at a quiet
  // moment (see KioskApp). The first worker claiming a fresh page is not an update; any
  // change of controller after that is.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) document.querySelector('kiosk-app')?.updateReady();
    controlled = true;
  });
  void workbox.register();
  // A screen that runs for months looks for a new build every hour.
  setInterval(() => void workbox.update(), 60 * 60 * 1000);
}
