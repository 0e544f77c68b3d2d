import { TEMPORAL_CLI, TEMPORAL_TEST_SERVER, ensureBinary } from '../libs/temporal';

/**
 * The set-up step of `npm start` and `npm test`: makes sure the pinned Temporal
 * binaries are there (see libs/temporal/binaries.ts for where they are looked for).
 */
const wanted = process.argv.includes('--cli-only') ? [TEMPORAL_CLI] : [TEMPORAL_CLI, TEMPORAL_TEST_SERVER];
let missing = 0;
for (const bin of wanted) {
  const found = ensureBinary(bin);
  if (found) console.log(`${bin.name}: ${found}`);
  else missing++;
}
if (missing) {
  console.error('Some Temporal binaries are missing; the Temporal SDK will try to download them when needed.');
}
