import { POTNET_COMPAT_VERSION } from './index.js';
process.stdout.write(`potnet ${POTNET_COMPAT_VERSION}\n`);
