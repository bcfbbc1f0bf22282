import type { Server } from 'node:http';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { APP_CONFIG, type AppConfig } from '@idv/platform';
import { AppModule } from './app.module';
import { jsonBody } from './errors/json-body';

/** Builds the API application (used by main.ts and by the e2e tests, so both run the same wiring). */
export async function createApiApp(): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule, {
    bufferLogs: true,
    bodyParser: false,
  });
  // The client address (rate limits of requests without a valid key) is the peer's unless proxies are trusted.
  app.set('trust proxy', app.get<AppConfig>(APP_CONFIG).trustProxy);
  app.useLogger(app.get(Logger));
  answerUnparsableRequests(app.getHttpServer() as Server);
  app.use(helmet({ contentSecurityPolicy: false }));
  app.use(...jsonBody());
  const doc = new DocumentBuilder()
    .setTitle('Identity-document verification API')
    .setDescription('Register applicants, upload documents, get verdicts with reasons and hints (en, zh-CN).')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key' })
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'docs-json',
  });
  return app;
}

/**
 * Requests Node's HTTP parser refuses before any handler runs (a NUL or other control character in a header, a
 * malformed request line, headers over the size limit) get the contract's error body instead of Node's bare
 * status line.
 */
function answerUnparsableRequests(server: Server): void {
  server.on('clientError', (err: Error & { code?: string }, socket) => {
    // As Node's own handler: nothing can be written on a closed socket, or once a response on it has begun.
    const inProgress = (socket as { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (!socket.writable || err.code === 'ECONNRESET' || inProgress?.headersSent)
      return void socket.destroy();
    const [status, reason, body] =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? [
            431,
            'Request Header Fields Too Large',
            { error: 'headers_too_large', message: 'The request headers are too large.' },
          ]
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? [
              408,
              'Request Timeout',
              { error: 'request_timeout', message: 'The request took too long to arrive.' },
            ]
          : [
              400,
              'Bad Request',
              {
                error: 'malformed_request',
                message:
                  'The request is not valid HTTP: a header holds a character that is not allowed (such as NUL or a line break), or the request line is malformed.',
              },
            ];
    const json = JSON.stringify(body);
    socket.end(
      `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  });
}
