import 'reflect-metadata';
import { ConfigError, loadConfig } from '../../libs/config';
import { createApi } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfig();
  for (const warning of config.warnings) console.warn(`[spor] Warning: ${warning}`);
  const app = await createApi(config);
  await app.listen(config.port, config.host);
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
