/** API keys, roles and tenancy: who is calling and what they may touch. */
export { AuthModule } from './auth.module';
export { ApiKeys, CLI_OPERATOR } from './api-keys.service';
export { ROLES, AuthError } from './principal';
export type { Role, Principal, ApiKeySummary } from './principal';
