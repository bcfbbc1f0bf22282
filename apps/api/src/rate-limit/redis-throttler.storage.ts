import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { ThrottlerStorage } from '@nestjs/throttler';
import Redis from 'ioredis';
import { APP_CONFIG, redisOptionsFromUrl, type AppConfig } from '@idv/platform';

/**
 * Fixed-window counters in Redis, so a key's limit holds across every API instance. Times are in ms (seconds in
 * `timeToExpire`, as the throttler expects). One round trip per request: INCR, set the expiry on first hit, read it.
 */
const SCRIPT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
return { hits, ttl }`;

@Injectable()
export class RedisThrottlerStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly prefix: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.redis = new Redis({
      ...redisOptionsFromUrl(config.redisUrl),
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
    });
    this.redis.on('error', () => undefined);
    this.prefix = `${config.queuePrefix}:ratelimit:`;
  }

  async increment(key: string, ttl: number, limit: number, _block: number, name: string) {
    const { hits, ttlMs } = await this.hit(`${name}:${key}`, ttl);
    const timeToExpire = Math.max(1, Math.ceil(ttlMs / 1000));
    const isBlocked = hits > limit;
    return { totalHits: hits, timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? timeToExpire : 0 };
  }

  /** Counts one hit on `counter` in a window of `windowMs` that starts at its first hit; the count and time left. */
  async hit(counter: string, windowMs: number): Promise<{ hits: number; ttlMs: number }> {
    const [hits, ttlMs] = (await this.redis.eval(
      SCRIPT,
      1,
      `${this.prefix}${counter}`,
      String(windowMs),
    )) as [number, number];
    return { hits, ttlMs };
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis.disconnect();
  }
}
