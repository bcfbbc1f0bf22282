import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import { VERIFICATION_QUEUE } from '@idv/platform';

/**
 * Knows, within a second, whether PostgreSQL and Redis answer: probed in the background so a request never waits
 * on a dead connection to find out. Any request that still fails on a dependency is mapped to 503 by the filter.
 */
@Injectable()
export class DependencyStatus implements OnModuleInit, OnApplicationShutdown {
  private down = new Set<'postgresql' | 'redis'>();
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @InjectQueue(VERIFICATION_QUEUE) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.probe(), 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  firstDown(): 'postgresql' | 'redis' | undefined {
    return this.down.values().next().value;
  }

  markDown(dep: 'postgresql' | 'redis'): void {
    this.down.add(dep);
  }

  async probe(): Promise<void> {
    await Promise.all([
      this.check('postgresql', () => this.ds.query('SELECT 1')),
      this.check('redis', async () => {
        const client = (await this.queue.client) as unknown as { ping(): Promise<string>; status: string };
        if (client.status !== 'ready') throw new Error(client.status);
        return client.ping();
      }),
    ]);
  }

  private async check(dep: 'postgresql' | 'redis', fn: () => Promise<unknown>): Promise<void> {
    try {
      await Promise.race([fn(), new Promise((_, rej) => setTimeout(() => rej(new Error('timeout')), 900))]);
      this.down.delete(dep);
    } catch {
      this.down.add(dep);
    }
  }
}
