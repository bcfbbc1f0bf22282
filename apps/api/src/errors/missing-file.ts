import { BadRequestException } from '@nestjs/common';

/** 400 for a multipart upload without its file, in the contract's validation shape, with a hint for the person. */
export function missingFile(
  field: string,
  what: string,
  hint: { en: string; 'zh-CN': string },
): BadRequestException {
  return new BadRequestException({
    error: 'validation_failed',
    message: `${what} is required (multipart/form-data field "${field}").`,
    details: [{ field, code: 'required', message: `${what} is required.`, hint }],
  });
}
