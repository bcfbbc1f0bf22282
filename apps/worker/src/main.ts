import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { claimQueuePrefix } from '@idv/persistence';
import { announceSecrets, loadConfig, runMain } from '@idv/platform';
import { WorkerModule } from './worker.module';

runMain('worker', async () => {
  const config = loadConfig();
  announceSecrets('worker', config);
  // Before the application starts: its BullMQ workers take jobs as soon as it does.
  await claimQueuePrefix(config);
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  await app.init();
  app.get(Logger).log('worker ready');
  // Closing the context closes the BullMQ worker, which waits for jobs in progress to finish.
  return () => app.close();
});
