import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, registerDecorator, ValidationArguments } from 'class-validator';
import {
  birthDateProblem,
  isDocumentNumber,
  isE164,
  isEmail,
  isExternalId,
  isKnownNationality,
  nameProblem,
  suggestEmail,
} from './record.rules';
import type { FieldErrorCode } from './field-hints';

/**
 * One decorator per field: the validation message *is* the field error code of the contract's details
 * (`name_has_digits`, `not_e164`, …), so the API's validation pipe maps errors to hints without a second table.
 */
function rule(check: (v: string) => FieldErrorCode | null) {
  const problem = (value: unknown): FieldErrorCode | null =>
    value === undefined || value === null ? null : typeof value !== 'string' ? 'not_string' : check(value);
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'recordRule',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown) => problem(value) === null,
        defaultMessage: (args?: ValidationArguments) => problem(args?.value) ?? 'invalid',
      },
    });
}

/** A rule with one code: `test` passes or the field gets `code`. */
const is = (code: FieldErrorCode, test: (v: string) => boolean) => rule((v) => (test(v) ? null : code));

const today = () =>
  (process.env.IDV_NOW ? new Date(process.env.IDV_NOW) : new Date()).toISOString().slice(0, 10);
const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFC').trim() : value;
const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const emailCode = (v: string): FieldErrorCode | null =>
  !isEmail(v) ? 'invalid_email' : suggestEmail(v) ? 'email_domain_typo' : null;

/** The registration record: the body of `POST /v1/applicants`, and the record file of `cli verify`. */
export class RegistrationRecordDto {
  @ApiProperty({ example: 'wallet-user-42', description: "The wallet's own reference; unique per tenant." })
  @IsDefined({ message: 'required' })
  @is('invalid_external_id', isExternalId)
  externalId: string;

  @ApiProperty({ example: 'ERIKSSON', description: 'As printed on the document; any Unicode letters.' })
  @IsDefined({ message: 'required' })
  @Transform(trim)
  @rule(nameProblem)
  surname: string;

  @ApiProperty({ example: 'ANNA MARIA' })
  @IsDefined({ message: 'required' })
  @Transform(trim)
  @rule(nameProblem)
  givenNames: string;

  @ApiProperty({ example: '1974-08-12', format: 'date' })
  @IsDefined({ message: 'required' })
  @rule((v) => birthDateProblem(v, today()))
  dateOfBirth: string;

  @ApiProperty({ example: 'SWE', description: 'ISO 3166-1 alpha-3.' })
  @IsDefined({ message: 'required' })
  @Transform(upper)
  @is('unknown_country', (v) => /^[A-Z]{3}$/.test(v) && isKnownNationality(v))
  nationality: string;

  @ApiPropertyOptional({ enum: ['M', 'F', 'X'] })
  @Transform(upper)
  @is('invalid_sex', (v) => ['M', 'F', 'X'].includes(v))
  sex?: string;

  @ApiPropertyOptional({ example: 'L898902C3' })
  @Transform(upper)
  @is('invalid_document_number', isDocumentNumber)
  documentNumber?: string;

  @ApiPropertyOptional({ example: '+46701234567', description: 'E.164.' })
  @is('not_e164', isE164)
  phone?: string;

  @ApiPropertyOptional({ example: 'anna@example.com' })
  @Transform(trim)
  @rule(emailCode)
  email?: string;
}

/** `PATCH /v1/applicants/:id`: any field but the external id. */
export class RecordCorrectionDto extends PartialType(
  OmitType(RegistrationRecordDto, ['externalId'] as const),
) {}

/** Parameters for a field error's message and hint, recomputed from the value (e.g. the suggested email). */
export function fieldErrorParams(code: string, value: unknown): Record<string, string> {
  if (code === 'email_domain_typo' && typeof value === 'string')
    return { suggestion: suggestEmail(value) ?? '' };
  if (code === 'too_long') return { max: '100' };
  return {};
}
