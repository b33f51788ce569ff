/** Kiosk entry: the app shell, persistent storage, and the service worker for offline use. */
import { Workbox } from 'workbox-window';
import './kiosk-app.js';

// Ask the browser not to evict the board's data under storage pressure.
void navigator.storage?.persist?.();

if ('serviceWorker' in navigator && import.meta.env.PROD) {
  void new Workbox('./sw.js').register();
}
