/** Kiosk entry: the app shell, persistent storage, and the service worker for offline use and updates. */
// The page's styles first, so no element renders on the browser's default margins.
import './page-styles.js';
import './kiosk-app.js';

// The app is made a task after its modules were evaluated, not upgraded from the page in the same
// task: a wall's start is two shorter tasks (bench:first-start at 4x CPU: longest 221 -> 141 ms).
setTimeout(() => document.body.prepend(document.createElement('kiosk-app')));

declare const __APP_VERSION__: string;
document.documentElement.dataset['version'] = __APP_VERSION__;

// Ask the browser not to evict the board's data under storage pressure.
void navigator.storage?.persist?.();

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  // A new build took control (skipWaiting + clientsClaim): reload into it, but only at a quiet
  // moment (see KioskApp). The first worker claiming a fresh page is not an update; any
  // change of controller after that is.
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) document.querySelector('kiosk-app')?.updateReady();
    controlled = true;
  });
  // Registered once the page has loaded, so the worker's precaching does not compete with the board's first paint.
  const registered = new Promise<ServiceWorkerRegistration>((resolve, reject) => {
    const register = () => navigator.serviceWorker.register('./sw.js').then(resolve, reject);
    if (document.readyState === 'complete') void register();
    else addEventListener('load', () => void register(), { once: true });
  });
  // Without a worker the board still runs, only not offline; the next start tries again.
  registered.catch(() => undefined);
  // A screen that runs for months looks for a new build every hour.
  setInterval(() => void registered.then((registration) => registration.update()).catch(() => undefined), 60 * 60 * 1000);
}
