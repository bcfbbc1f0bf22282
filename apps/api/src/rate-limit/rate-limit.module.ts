import { Module } from '@nestjs/common';
import { RedisThrottlerStorage } from './redis-throttler.storage';
import { UnauthenticatedThrottle } from './unauthenticated.throttle';

/**
 * The Redis counters of the rate limits, as managed providers (their Redis connection closes with the app): the
 * per-key storage of the throttler, and the throttle of requests without a valid key.
 */
@Module({
  providers: [RedisThrottlerStorage, UnauthenticatedThrottle],
  exports: [RedisThrottlerStorage, UnauthenticatedThrottle],
})
export class RateLimitStorageModule {}
