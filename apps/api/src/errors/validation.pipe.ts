import { BadRequestException, ValidationPipe } from '@nestjs/common';
import { toFieldErrors } from '@idv/applicants';

/** Every body and query DTO: transformed, unknown fields refused, errors as the contract's details with hints. */
export function requestValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: true,
    exceptionFactory: (problems) => {
      const details = toFieldErrors(problems);
      return new BadRequestException({
        error: 'validation_failed',
        message: `The request has ${details.length} invalid field${details.length > 1 ? 's' : ''}: ${details.map((d) => d.field).join(', ')}.`,
        details,
      });
    },
  });
}
