import 'reflect-metadata';
import { claimQueuePrefix } from '@idv/persistence';
import { loadConfig, runMain } from '@idv/platform';
import { createApiApp } from './bootstrap';

runMain('api', async () => {
  const config = loadConfig();
  await claimQueuePrefix(config);
  const app = await createApiApp();
  await app.listen(config.port, '0.0.0.0');
  return () => app.close();
});
