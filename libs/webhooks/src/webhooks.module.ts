import { Module } from '@nestjs/common';
import { AuditModule } from '@idv/audit';
import { APP_CONFIG, type AppConfig } from '@idv/platform';
import { WebhookDeliverer } from './webhook.deliverer';
import { WEBHOOK_OPTIONS, webhookOptionsFromConfig } from './webhook.options';
import { WebhookRepository } from './webhook.repository';
import { WebhookSecrets } from './webhook.secrets';
import { WebhookTransport } from './webhook.transport';
import { Webhooks } from './webhooks.service';

/** Webhook endpoints, publishing and delivery. Needs PersistenceModule's connection in the importing app. */
@Module({
  imports: [AuditModule],
  providers: [
    WebhookRepository,
    WebhookSecrets,
    WebhookTransport,
    Webhooks,
    WebhookDeliverer,
    {
      provide: WEBHOOK_OPTIONS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => webhookOptionsFromConfig(config),
    },
  ],
  exports: [Webhooks, WebhookDeliverer],
})
export class WebhooksModule {}
