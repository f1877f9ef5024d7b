import { POTNET_COMPAT_VERSION } from '@pot/core';
process.stdout.write(`pot (potnet ${POTNET_COMPAT_VERSION})\n`);
