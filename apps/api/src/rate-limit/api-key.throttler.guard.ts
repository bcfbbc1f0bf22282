import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerException, ThrottlerGuard } from '@nestjs/throttler';
import type { Principal } from '@idv/auth';

/**
 * Limits each API key (not each IP: many wallet users share a backend's IP); runs after authentication. One budget
 * per key for the whole API: the throttler's own key names the controller and handler, which gave each key a
 * budget per endpoint (25 of them), so the counter is named by the tracker alone.
 */
@Injectable()
export class ApiKeyThrottlerGuard extends ThrottlerGuard {
  protected override generateKey(_ctx: ExecutionContext, tracker: string): string {
    return tracker;
  }

  protected override async getTracker(req: Record<string, unknown>): Promise<string> {
    const principal = req.principal as Principal | undefined;
    return principal ? `key:${principal.keyId}` : `ip:${String(req.ip)}`;
  }

  protected override async shouldSkip(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<{ path: string }>();
    return !req.path.startsWith('/v1');
  }

  protected override async throwThrottlingException(): Promise<void> {
    throw new ThrottlerException('Too many requests for this API key; retry after the time in Retry-After.');
  }
}
