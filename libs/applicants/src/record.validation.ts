import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
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
  const errors = problems.map((p) => {
    const message = Object.entries(p.constraints ?? {})[0];
    const code: FieldErrorCode =
      message?.[0] === 'whitelistValidation'
        ? 'unknown_field'
        : FIELD_ERROR_CODES.includes(message?.[1] as FieldErrorCode)
          ? (message![1] as FieldErrorCode)
          : 'required';
    return fieldError(p.property, code, fieldErrorParams(code, p.value));
  });
  return { ok: false, errors };
}
