import 'reflect-metadata';
import { claimQueuePrefix } from '@idv/persistence';
import { announceSecrets, loadConfig, runMain } from '@idv/platform';
import { createApiApp } from './bootstrap';

runMain('api', async () => {
  const config = loadConfig();
  announceSecrets('api', config);
  await claimQueuePrefix(config);
  const app = await createApiApp();
  await app.listen(config.port, '0.0.0.0');
  return () => app.close();
});
