// One polite live region per attach() root, for announcements made after a
// pause (never per keystroke).
import { h } from './dom.js';

export function createAnnouncer(root) {
  const host = root === document ? document.body : root;
  const region = h('div', { className: 'cl-visually-hidden', attrs: { role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' } });
  host.append(region);
  let timer = 0;
  return (text) => {
    // Clearing first makes a repeated message be read again.
    region.textContent = '';
    clearTimeout(timer);
    if (text) timer = setTimeout(() => (region.textContent = text), 50);
  };
}
