import { randomUUID } from 'node:crypto';
import { Queue, QueueEvents } from 'bullmq';
import {
  checkRedis,
  JobName,
  redisOptionsFromUrl,
  VERIFICATION_QUEUE,
  type PingJobResult,
} from '@idv/platform';
import { integer, type CliCommand } from './command';
import { cliConfig } from '../cli.context';

/** Sends a ping job through the verification queue and waits for a worker's answer: proves the wiring. */
export const queuePingCommand: CliCommand = {
  summary: 'send a ping job through the queue and wait for a worker to answer',
  options: { timeout: { type: 'string' } },
  async run(values) {
    const config = cliConfig();
    await checkRedis(config.redisUrl);
    const connection = redisOptionsFromUrl(config.redisUrl);
    const queue = new Queue(VERIFICATION_QUEUE, { connection, prefix: config.queuePrefix });
    const events = new QueueEvents(VERIFICATION_QUEUE, { connection, prefix: config.queuePrefix });
    // A lost connection rejects the call waiting on it, which the command reports; BullMQ prints an error event
    // no one listens to on stderr, stack and all, beside that report.
    queue.on('error', () => undefined);
    events.on('error', () => undefined);
    try {
      await events.waitUntilReady();
      const nonce = randomUUID();
      const started = Date.now();
      const job = await queue.add(
        JobName.Ping,
        { sentAt: new Date().toISOString(), nonce },
        { removeOnComplete: true },
      );
      const result = (await job.waitUntilFinished(
        events,
        integer(values, 'timeout', 10_000),
      )) as PingJobResult;
      process.stdout.write(`${JSON.stringify({ ...result, roundTripMs: Date.now() - started })}\n`);
      return result.nonce === nonce ? 0 : 1;
    } finally {
      await events.close();
      await queue.close();
    }
  },
};
