import {
  mixin,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
  type Type,
} from '@nestjs/common';
import type { Request, RequestHandler, Response } from 'express';
import multer, { memoryStorage, MulterError } from 'multer';
import type { Observable } from 'rxjs';
import { RequestBodyError } from './json-body';

/** The form a multipart endpoint takes: its file fields and its text fields (for the hints), and its limits. */
export interface MultipartForm {
  files: Array<{ name: string; maxCount: number }>;
  fields: string[];
  maxFileBytes: number;
  /** Parts in all, files and text fields together. */
  maxParts: number;
}

const hint = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** Why a multipart body was refused, as the contract's error: a code, and a hint in English and Chinese. */
export function multipartRefusal(err: unknown, form: MultipartForm): RequestBodyError | null {
  const names = [...form.fields, ...form.files.map((f) => f.name)].join(', ');
  const fileNames = form.files.map((f) => f.name).join(', ');
  const refuse = (
    kind: 'invalid' | 'too_large',
    error: string,
    field: string,
    code: string,
    message: string,
    h: { en: string; 'zh-CN': string },
  ) => new RequestBodyError(kind, error, message, [{ field, code, message, hint: h }]);

  if (err instanceof MulterError) {
    const field = err.field ?? 'body';
    const mb = Math.round(form.maxFileBytes / (1024 * 1024));
    switch (err.code) {
      case 'LIMIT_FILE_SIZE':
        return refuse(
          'too_large',
          'payload_too_large',
          field,
          'file_too_large',
          `The file "${field}" is larger than ${mb} MB.`,
          hint(
            `The photo file is larger than ${mb} MB. Take the photo again at normal resolution, or send it as JPEG.`,
            `照片文件超过 ${mb} MB，请以正常分辨率重新拍摄，或以 JPEG 格式上传。`,
          ),
        );
      case 'LIMIT_UNEXPECTED_FILE':
      case 'LIMIT_FILE_COUNT':
        return refuse(
          'invalid',
          'validation_failed',
          field,
          'unexpected_file',
          `The file field "${field}" is not expected here, or is sent more than once (files: ${fileNames}).`,
          hint(
            `Send each photo once, in the file field it belongs to: ${fileNames}.`,
            `每张照片只发送一次，并放在对应的文件字段中：${fileNames}。`,
          ),
        );
      case 'LIMIT_PART_COUNT':
      case 'LIMIT_FIELD_COUNT':
        return refuse(
          'invalid',
          'validation_failed',
          'body',
          'too_many_parts',
          `The form has more than ${form.maxParts} parts.`,
          hint(`Send only the fields of this form: ${names}.`, `请只发送此表单的字段：${names}。`),
        );
      case 'LIMIT_FIELD_KEY':
      case 'LIMIT_FIELD_VALUE':
        return refuse(
          'invalid',
          'validation_failed',
          field,
          'too_long',
          `The form field "${field}" or its value is too long.`,
          hint(
            `Check the value of "${field}": nothing in this form is longer than a few hundred characters.`,
            `请检查字段“${field}”的取值：此表单中没有超过几百个字符的内容。`,
          ),
        );
      default:
        return malformed(names);
    }
  }
  // busboy's own errors (the parser under multer) for a body that is not well-formed multipart.
  const message = (err as Error)?.message ?? '';
  if (/boundary|part header|end of form|end of file|multipart/i.test(message)) return malformed(names);
  return null;
}

function malformed(names: string) {
  const message = 'The body is not well-formed multipart/form-data (boundary, part headers or its end).';
  return new RequestBodyError('invalid', 'malformed_multipart', message, [
    {
      field: 'body',
      code: 'malformed_multipart',
      message,
      hint: hint(
        `Send the form as multipart/form-data built by your HTTP library (it sets the boundary), with the fields ${names}.`,
        `请使用 HTTP 库构造 multipart/form-data 表单（由其设置 boundary），字段为：${names}。`,
      ),
    },
  ]);
}

/**
 * Parses a multipart body into memory (multer) within the form's limits, and answers a body it cannot take with the
 * contract's error body, code and hints, instead of the parser's own English ("Unexpected field", "Too many parts").
 * Nest's FileFieldsInterceptor keeps only multer's message, so the codes are read here, from multer itself.
 */
export function MultipartInterceptor(form: MultipartForm): Type<NestInterceptor> {
  class Multipart implements NestInterceptor {
    private readonly parse: RequestHandler = multer({
      storage: memoryStorage(),
      limits: {
        fileSize: form.maxFileBytes,
        files: form.files.reduce((n, f) => n + f.maxCount, 0),
        fields: form.maxParts,
        fieldSize: 4096,
        parts: form.maxParts,
      },
    }).fields(form.files);

    async intercept(ctx: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const http = ctx.switchToHttp();
      await new Promise<void>((resolve, reject) =>
        this.parse(http.getRequest<Request>(), http.getResponse<Response>(), (err?: unknown) =>
          err ? reject(multipartRefusal(err, form) ?? err) : resolve(),
        ),
      );
      return next.handle();
    }
  }
  return mixin(Multipart);
}
