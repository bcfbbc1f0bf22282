import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ApiKeys, type Principal, type Role } from '@idv/auth';
import { UnauthenticatedThrottle } from '../rate-limit/unauthenticated.throttle';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';

/**
 * Every /v1 route needs `Authorization: Bearer <key>` (401 otherwise; an address sending too many requests without
 * a valid key gets 429 before its key is looked up, see UnauthenticatedThrottle) and one of the roles its handler lists
 * (403 otherwise; admin passes everywhere). Tenancy is then enforced by every query, which takes the caller's tenant.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeys,
    private readonly unauthenticated: UnauthenticatedThrottle,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request & { principal?: Principal }>();
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, [
      ctx.getHandler(),
      ctx.getClass(),
    ]);
    if (isPublic || !req.path.startsWith('/v1')) return true;
    const address = String(req.ip);
    this.unauthenticated.refuseIfThrottled(address, (seconds) =>
      ctx.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(seconds)),
    );
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const principal = match ? await this.keys.authenticate(match[1]) : null;
    if (!principal) {
      await this.unauthenticated.count(address);
      throw new UnauthorizedException({
        error: 'unauthorized',
        message: match
          ? 'The API key is unknown or revoked.'
          : 'Send your API key as "Authorization: Bearer <key>".',
      });
    }
    req.principal = principal;
    const roles =
      this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, [ctx.getHandler(), ctx.getClass()]) ?? [];
    if (principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw new ForbiddenException({
        error: 'forbidden',
        message: `A ${principal.role} key cannot do this.`,
      });
    }
    return true;
  }
}
