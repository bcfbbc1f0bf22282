import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { fieldError, FIELD_ERROR_CODES, type FieldError, type FieldErrorCode } from './field-hints';
import { fieldErrorParams } from './registration-record.dto';

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/**
 * Transforms and validates a request body against a record DTO; every problem becomes one field error with
 * en/zh-CN hints (one per field, the first rule that fails). Unknown fields are refused, not silently dropped.
 */
export function validateRecord<T extends object>(cls: ClassConstructor<T>, body: unknown): Validated<T> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { ok: false, errors: [fieldError('body', 'not_string')] };
  }
  const value = plainToInstance(cls, body);
  const problems = validateSync(value, {
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
  });
  if (problems.length === 0) return { ok: true, value };
  return { ok: false, errors: toFieldErrors(problems) };
}

/**
 * class-validator errors → the contract's details. Record rules carry their code as the message; other
 * constraints (e.g. of small request DTOs) keep their own name and message with a generic hint.
 */
export function toFieldErrors(problems: ValidationError[]): FieldError[] {
  return problems.map((p) => {
    const [name, message] = Object.entries(p.constraints ?? { isDefined: 'required' })[0];
    if (name === 'whitelistValidation') return fieldError(p.property, 'unknown_field');
    if (FIELD_ERROR_CODES.includes(message as FieldErrorCode)) {
      return fieldError(p.property, message as FieldErrorCode, fieldErrorParams(message, p.value));
    }
    return {
      field: p.property,
      code: name.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase() as FieldErrorCode,
      message: message[0].toUpperCase() + message.slice(1) + '.',
      hint: {
        en: `Check the field "${p.property}": ${message}.`,
        'zh-CN': `请检查字段“${p.property}”的取值。`,
      },
    };
  });
}
