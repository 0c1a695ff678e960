// Offline support: registers the service worker that precaches the pages, the
// wasm and the code sets, and asks the browser not to evict that storage.
//
// The worker checks for newer code sets when the wasm is requested online and
// stores them as a complete new generation; it then posts 'claimlint-update',
// and onUpdate lets the page offer a reload ('claimlint-update-refused' when a
// new part failed its checksum). A newer build of the pages themselves comes the same way,
// marked `shell: true`. An 'online' event asks it to check.
export async function enableOffline(swUrl, onState, onUpdate) {
  if (!('serviceWorker' in navigator)) return false;
  navigator.serviceWorker.addEventListener('message', (e) => {
    if (e.data?.type === 'claimlint-update') onUpdate?.(e.data);
    if (e.data?.type === 'claimlint-update-refused') onState?.('update-refused');
  });
  addEventListener('online', () => navigator.serviceWorker.controller?.postMessage({ type: 'claimlint-check-update' }));
  try {
    onState?.('pending');
    // A module worker: it shares the cache names with the page (claimlint/store.js).
    const reg = await navigator.serviceWorker.register(swUrl, { scope: new URL('./', swUrl).pathname, type: 'module' });
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
