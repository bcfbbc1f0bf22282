/**
 * The light entry of `@idv/applicants` (`@idv/applicants/records`): the registration record and its validation,
 * without the NestJS module, TypeORM and the audit trail that the index brings, for a one-shot tool such as
 * `cli verify` (they were more than half of the modules it loaded). The index exports the same.
 */
export { RegistrationRecordDto } from './registration-record.dto';
export { validateRecord, type Validated } from './record.validation';
