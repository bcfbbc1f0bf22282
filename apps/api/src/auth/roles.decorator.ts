import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, Role } from '@idv/auth';

export const ROLES_KEY = 'idv:roles';
export const PUBLIC_KEY = 'idv:public';

/** The roles that may call a handler. `admin` may call everything and need not be listed. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** A route outside /v1 auth (health, metrics, docs, console). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The authenticated caller of this request. */
export const Caller = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
