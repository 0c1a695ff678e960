// Offline support: registers the service worker that precaches the pages, the
// wasm and the code sets, and asks the browser not to evict that storage.
export async function enableOffline(swUrl, onState) {
  if (!('serviceWorker' in navigator)) return false;
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
