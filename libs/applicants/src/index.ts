/** Applicants: the registration record, its validation with en/zh-CN hints, corrections and restrictions. */
export { ApplicantsModule } from './applicants.module';
export { Applicants, type Actor } from './applicants.service';
export { RegistrationRecordDto, RecordCorrectionDto } from './registration-record.dto';
export { validateRecord, toFieldErrors, type Validated } from './record.validation';
export { fieldError, FIELD_ERROR_CODES, type FieldError, type FieldErrorCode } from './field-hints';
export {
  ApplicantError,
  type Applicant,
  type RegistrationRecord,
  type RestrictionReason,
} from './applicant.types';
export { activeRestriction } from './restriction';
export { suggestEmail, isE164, birthDateProblem, nameProblem, isKnownNationality } from './record.rules';
