import { ApiProperty, ApiPropertyOptional, PartialType, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, registerDecorator, ValidateIf, ValidationArguments } from 'class-validator';
import { DOCUMENT_TYPES } from '@idv/verdict';
import { idNumberProblem, normaliseDocumentNumber, type IdNumberFacts } from './id-number.rules';
import {
  birthDateProblem,
  isDocumentNumber,
  isE164,
  isEmail,
  isExternalId,
  givenNamesProblem,
  isKnownNationality,
  nameProblem,
  suggestEmail,
} from './record.rules';
import type { FieldErrorCode } from './field-hints';

/**
 * One decorator per field: the validation message *is* the field error code of the contract's details
 * (`name_has_digits`, `not_e164`, …), so the API's validation pipe maps errors to hints without a second table.
 */
function rule(check: (v: string, body: object) => FieldErrorCode | null) {
  const problem = (value: unknown, body: object): FieldErrorCode | null =>
    value === undefined || value === null
      ? null
      : typeof value !== 'string'
        ? 'not_string'
        : check(value, body);
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'recordRule',
      target: target.constructor,
      propertyName,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => problem(value, args?.object ?? {}) === null,
        defaultMessage: (args?: ValidationArguments) => problem(args?.value, args?.object ?? {}) ?? 'invalid',
      },
    });
}

/** A rule with one code: `test` passes or the field gets `code`. */
const is = (code: FieldErrorCode, test: (v: string) => boolean) => rule((v) => (test(v) ? null : code));

/** The identity number against the rest of the same body: a citizen number's birth date and sex, check digits. */
const consistentIdNumber = rule((v, body) =>
  idNumberProblem({ ...(body as IdNumberFacts), documentNumber: v }),
);

/** Surname and given names may be left out when the whole name is given (王小明 alone, as Chinese wallets ask). */
const unlessFullName = ValidateIf(
  (o: { fullName?: unknown }, value: unknown) => value !== undefined || o.fullName === undefined,
);

const DOCUMENT_TYPE_SET: ReadonlySet<string> = new Set(DOCUMENT_TYPES);

const today = () =>
  (process.env.IDV_NOW ? new Date(process.env.IDV_NOW) : new Date()).toISOString().slice(0, 10);
const trim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.normalize('NFC').trim() : value;
const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;
const lower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
const documentNumber = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normaliseDocumentNumber(value) : value;
const emailCode = (v: string): FieldErrorCode | null =>
  !isEmail(v) ? 'invalid_email' : suggestEmail(v) ? 'email_domain_typo' : null;

/** The registration record: the body of `POST /v1/applicants`, and the record file of `cli verify`. */
export class RegistrationRecordDto {
  @ApiProperty({ example: 'wallet-user-42', description: "The wallet's own reference; unique per tenant." })
  @IsDefined({ message: 'required' })
  @is('invalid_external_id', isExternalId)
  externalId: string;

  @ApiPropertyOptional({
    example: 'ERIKSSON',
    description: 'As printed on the document; any Unicode letters. Required unless `fullName` is given.',
  })
  @unlessFullName
  @IsDefined({ message: 'required' })
  @Transform(trim)
  @rule(nameProblem)
  surname: string;

  @ApiPropertyOptional({
    example: 'ANNA MARIA',
    description:
      'Required unless `fullName` is given; `""` for a person with a surname only (an empty given-names field in ' +
      'the MRZ, which ICAO 9303 allows).',
  })
  @unlessFullName
  @IsDefined({ message: 'required' })
  @Transform(trim)
  @rule(givenNamesProblem)
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

  @ApiPropertyOptional({
    example: 'L898902C3',
    description:
      'A citizen number (18 characters, the last 0-9 or X) or an HKID number (`A123456(3)` or `A1234563`, stored ' +
      'without brackets) is checked against its check character, the date of birth and the sex.',
  })
  @Transform(documentNumber)
  @consistentIdNumber
  @is('invalid_document_number', isDocumentNumber)
  documentNumber?: string;

  @ApiPropertyOptional({
    example: '王小明',
    description:
      'The whole name as the document prints it, Han or Latin script (王小明, CHAN Tai Man); with it, surname and ' +
      'givenNames may be left out.',
  })
  @Transform(trim)
  @rule(nameProblem)
  fullName?: string;

  @ApiPropertyOptional({
    enum: DOCUMENT_TYPES,
    description: 'The document the person registered with (证件类型).',
  })
  @Transform(lower)
  @is('invalid_document_type', (v) => DOCUMENT_TYPE_SET.has(v))
  documentType?: string;

  @ApiPropertyOptional({ example: '+46701234567', description: 'E.164.' })
  @is('not_e164', isE164)
  phone?: string;

  @ApiPropertyOptional({ example: 'anna@example.com' })
  @Transform(trim)
  @rule(emailCode)
  email?: string;
}

/**
 * `PATCH /v1/applicants/:id`: any field but the external id. A field left out is left alone; `null` is a value the
 * field's rules judge (`skipNullProperties: false`), so a required field cannot be nulled (`required`) while an
 * optional one (phone, email, …) can be cleared.
 */
export class RecordCorrectionDto extends PartialType(
  OmitType(RegistrationRecordDto, ['externalId'] as const),
  {
    skipNullProperties: false,
  },
) {}

/** Parameters for a field error's message and hint, recomputed from the value (e.g. the suggested email). */
export function fieldErrorParams(code: string, value: unknown): Record<string, string> {
  if (code === 'email_domain_typo' && typeof value === 'string')
    return { suggestion: suggestEmail(value) ?? '' };
  if (code === 'too_long') return { max: '100' };
  return {};
}
