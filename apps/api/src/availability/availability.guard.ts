import {
  CanActivate,
  ExecutionContext,
  Inject,
  Injectable,
  ServiceUnavailableException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@idv/platform';
import { DependencyStatus } from './dependency.status';

export const RETRY_AFTER_SECONDS = 30;

/**
 * Maintenance mode (IDV_MAINTENANCE=1) and known outages of PostgreSQL or Redis answer every /v1 call with
 * 503 + Retry-After before any work starts, so nothing is half-accepted. Runs before authentication, which
 * itself needs PostgreSQL.
 */
@Injectable()
export class AvailabilityGuard implements CanActivate {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly status: DependencyStatus,
  ) {}

  canActivate(ctx: ExecutionContext): boolean {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (!req.path.startsWith('/v1')) return true;
    const down = this.config.maintenance ? 'maintenance' : this.status.firstDown();
    if (!down) return true;
    ctx.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    throw new ServiceUnavailableException({
      error: 'service_unavailable',
      message:
        down === 'maintenance'
          ? 'The service is down for maintenance; please retry later.'
          : `The service is temporarily unavailable (${down} is unreachable); please retry later.`,
    });
  }
}
