import { PotError } from '@pot/core';
process.stdout.write(`${new PotError('internal', 'pot CLI is not assembled yet').message}\n`);
