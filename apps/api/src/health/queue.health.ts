import { Inject, Injectable } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { aliveWorkers, APP_CONFIG, VERIFICATION_QUEUE, type AppConfig } from '@idv/platform';

/** Redis (the queue's own connection answers PING within a second) and the worker processes behind it. */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @InjectQueue(VERIFICATION_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** At least one worker process with warm OCR workers beat recently (see WorkerHeartbeat). */
  async ocrWorkers(key: string) {
    const indicator = this.indicators.check(key);
    try {
      const alive = await aliveWorkers(this.queue, this.config.queuePrefix);
      return alive > 0
        ? indicator.up({ workers: alive })
        : indicator.down({ workers: 0, message: 'no worker process is running' });
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }

  async isHealthy(key: string) {
    const indicator = this.indicators.check(key);
    try {
      const client = (await this.queue.client) as unknown as { ping(): Promise<string> };
      const pong = await Promise.race([
        client.ping(),
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 1000)),
      ]);
      return pong === 'PONG' ? indicator.up() : indicator.down({ message: String(pong) });
    } catch (err) {
      return indicator.down({ message: (err as Error).message });
    }
  }
}
