// The widget from the installed package. Its wasm and data are found relative to the
// package's own modules (node_modules/claimlint/pkg/), so no option is needed.
import { attach } from './node_modules/claimlint/www/claimlint.js';

attach(document, { dateOfService: '#dos' });
