import { BadRequestException, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { fieldError } from '@idv/applicants';

/** The path (`note`, `events[1]`, `a.b`) of the first string or key in `value` that holds U+0000, or null. */
export function pathOfNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathOfNul(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return at;
    const found = pathOfNul(item, at);
    if (found !== null) return found;
  }
  return null;
}

/**
 * Refuses a NUL character (U+0000) in any body field, query parameter or path parameter with the contract's
 * validation error. PostgreSQL cannot store U+0000 in text, so such a value reaching a query failed as a 500; no
 * free text of this API (reasons, notes, URLs, ids, cursors) has a use for it. Runs after the validation pipe, so
 * fields with rules of their own (names, email, external id) keep their own codes; multipart text fields are
 * checked too, since the body reaches the pipes once multer has parsed it.
 */
export class NulTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body' && metadata.type !== 'query' && metadata.type !== 'param') return value;
    const inside = pathOfNul(value);
    if (inside === null) return value;
    const field = metadata.type === 'body' || !metadata.data ? inside : metadata.data;
    throw new BadRequestException({
      error: 'validation_failed',
      message: `The request has 1 invalid field: ${field}.`,
      details: [fieldError(field || 'body', 'contains_nul')],
    });
  }
}
