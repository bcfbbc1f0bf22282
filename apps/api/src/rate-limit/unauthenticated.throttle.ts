import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@idv/platform';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const WINDOW_MS = 60_000;

/**
 * Requests without a valid API key (none, unknown or revoked), counted per client address in Redis so the limit holds
 * across API instances. Past `IDV_UNAUTHENTICATED_PER_MINUTE` in a minute the address gets 429 *before* its key is
 * looked up, so guessing keys costs no database work. Each instance remembers the addresses it saw go over the limit
 * until their window ends, which is what lets it refuse them without a round trip; an instance that has not seen
 * them yet does one lookup more and learns it from the count. A valid key from a throttled address waits too: the
 * key cannot be known good without the lookup this protects.
 */
@Injectable()
export class UnauthenticatedThrottle {
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly storage: RedisThrottlerStorage,
  ) {}

  /** Throws 429 (with the seconds to wait) when `address` is over its limit. */
  refuseIfThrottled(address: string, setRetryAfter: (seconds: number) => void): void {
    const until = this.blockedUntil.get(address);
    if (until === undefined) return;
    const left = until - Date.now();
    if (left <= 0) {
      this.blockedUntil.delete(address);
      return;
    }
    setRetryAfter(Math.max(1, Math.ceil(left / 1000)));
    throw new HttpException(
      {
        error: 'too_many_requests',
        message:
          'Too many requests without a valid API key from this address; retry after the time in Retry-After.',
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  /** Counts a request from `address` that carried no valid key. */
  async count(address: string): Promise<void> {
    const { hits, ttlMs } = await this.storage.hit(`unauthenticated:${address}`, WINDOW_MS);
    if (hits < this.config.limits.unauthenticatedPerMinute) return;
    this.blockedUntil.set(address, Date.now() + ttlMs);
    // Forget addresses whose window ended, so a scan of many addresses does not grow the map for ever.
    if (this.blockedUntil.size > 10_000) {
      const now = Date.now();
      for (const [a, t] of this.blockedUntil) if (t <= now) this.blockedUntil.delete(a);
    }
  }
}
