import { hostname } from 'node:os';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { APP_CONFIG, type AppConfig } from './config';
import { VERIFICATION_QUEUE } from './queue';

/** How often a worker says it is alive, and how long the API believes it. */
export const HEARTBEAT_EVERY_MS = 5000;
export const HEARTBEAT_VALID_MS = 15_000;

interface RedisLike {
  zadd(key: string, score: number, member: string): Promise<unknown>;
  zrem(key: string, member: string): Promise<unknown>;
  zremrangebyscore(key: string, min: number | string, max: number | string): Promise<unknown>;
  zcount(key: string, min: number | string, max: number | string): Promise<number>;
}

export const heartbeatKey = (prefix: string) => `${prefix}:workers:alive`;

/**
 * Worker processes with warm OCR register here (a sorted set scored by time in Redis), so the API's readiness can
 * say whether anything will analyse the uploads it accepts.
 */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly member = `${hostname()}:${process.pid}`;

  constructor(
    @InjectQueue(VERIFICATION_QUEUE) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private async redis(): Promise<RedisLike> {
    return (await this.queue.client) as unknown as RedisLike;
  }

  onApplicationBootstrap(): void {
    const beat = () => void this.beat().catch(() => undefined);
    beat();
    this.timer = setInterval(beat, HEARTBEAT_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await (
      await this.redis()
    )
      .zrem(heartbeatKey(this.config.queuePrefix), this.member)
      .catch(() => undefined);
  }

  private async beat(): Promise<void> {
    const redis = await this.redis();
    const key = heartbeatKey(this.config.queuePrefix);
    await redis.zadd(key, Date.now(), this.member);
    await redis.zremrangebyscore(key, 0, Date.now() - HEARTBEAT_VALID_MS);
  }
}

/** Counts the workers that beat within {@link HEARTBEAT_VALID_MS}. */
export async function aliveWorkers(queue: Queue, prefix: string): Promise<number> {
  const redis = (await queue.client) as unknown as RedisLike;
  return redis.zcount(heartbeatKey(prefix), Date.now() - HEARTBEAT_VALID_MS, '+inf');
}
