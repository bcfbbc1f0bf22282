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
