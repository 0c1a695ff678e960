// Offline support: registers the service worker that precaches the pages, the
// wasm and the code sets, and asks the browser not to evict that storage.
//
// The worker checks for newer code sets when the blob is requested online and
// stores them as a complete new generation; it then posts 'claimlint-update',
// and onUpdate lets the page offer a reload. An 'online' event asks it to check.
export async function enableOffline(swUrl, onState, onUpdate) {
  if (!('serviceWorker' in navigator)) return false;
  navigator.serviceWorker.addEventListener('message', (e) => {
    if (e.data?.type === 'claimlint-update') onUpdate?.(e.data);
  });
  addEventListener('online', () => navigator.serviceWorker.controller?.postMessage({ type: 'claimlint-check-update' }));
  try {
    onState?.('pending');
    const reg = await navigator.serviceWorker.register(swUrl, { scope: new URL('./', swUrl).pathname });
    await navigator.serviceWorker.ready;
    // Best effort: persistence keeps the cached code sets through storage pressure.
    if (navigator.storage?.persist) navigator.storage.persist().catch(() => {});
    onState?.('ready', reg);
    return true;
  } catch {
    onState?.('failed');
    return false;
  }
}
