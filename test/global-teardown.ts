import * as fs from 'node:fs';
import type { DevServer } from '../libs/temporal';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __sporDevServer?: DevServer }).__sporDevServer?.stop();
  const dir = process.env.SPOR_TEST_DIR;
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
