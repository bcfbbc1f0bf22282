import 'reflect-metadata';
import { announceSecrets, loadConfig, runMain } from '@idv/platform';
import { createApiApp } from './bootstrap';

runMain('api', async () => {
  const config = loadConfig();
  announceSecrets('api', config);
  const app = await createApiApp();
  await app.listen(config.port, '0.0.0.0');
  return () => app.close();
});
