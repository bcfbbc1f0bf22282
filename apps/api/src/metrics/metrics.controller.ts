import { timingSafeEqual, createHash } from 'node:crypto';
import {
  Controller,
  ForbiddenException,
  Get,
  Headers,
  Inject,
  Res,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { APP_CONFIG, type AppConfig } from '@idv/platform';
import { MetricsService } from './metrics.service';

/** Equal strings, compared in constant time (over their digests, so the length does not show either). */
function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

/**
 * Prometheus metrics, behind `IDV_METRICS_TOKEN` (sent as `Authorization: Bearer <token>`): they include the review
 * backlog of every tenant, so they are not for whoever can reach the API port. Without the setting: 403.
 */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const token = this.config.metricsToken;
    if (!token) {
      throw new ForbiddenException({
        error: 'metrics_disabled',
        message:
          'Metrics are served only when IDV_METRICS_TOKEN is set; scrape with "Authorization: Bearer <token>".',
      });
    }
    const given = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!given || !sameSecret(given, token)) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException({
        error: 'unauthorized',
        message: 'Send the metrics token as "Authorization: Bearer <IDV_METRICS_TOKEN>".',
      });
    }
    // Set here, not with @Header: that would also label the JSON of a refusal as text.
    res.setHeader('Content-Type', 'text/plain; version=0.0.4; charset=utf-8');
    return this.metrics.render();
  }
}
