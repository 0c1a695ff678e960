// Drop-in upgrade for an existing form: add
//   <script type="module" src=".../claimlint-auto.js"></script>
// and data-claimlint="..." attributes to its inputs. Options come from data
// attributes on <html> (data-claimlint-mode, -integrity, -base-url, -blob-url,
// -while-loading, -normalize="false", -stale-edits, -offline);
// a field marked data-claimlint-date-of-service sets the date codes are checked on.
import { attach } from './claimlint.js';

const html = document.documentElement;
const css = new URL('./claimlint.css', import.meta.url).href;
if (![...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => l.href === css)) {
  document.head.append(Object.assign(document.createElement('link'), { rel: 'stylesheet', href: css }));
}

const dateField = document.querySelector('[data-claimlint-date-of-service]');
export const handle = attach(document, {
  mode: html.dataset.claimlintMode,
  integrity: html.dataset.claimlintIntegrity,
  baseUrl: html.dataset.claimlintBaseUrl,
  blobUrl: html.dataset.claimlintBlobUrl,
  whileLoading: html.dataset.claimlintWhileLoading,
  normalize: html.dataset.claimlintNormalize !== 'false',
  staleEdits: html.dataset.claimlintStaleEdits,
  dateOfService: dateField ? '[data-claimlint-date-of-service]' : undefined,
  serviceWorker: html.dataset.claimlintOffline ? new URL('./sw.js', import.meta.url).href : false,
});
