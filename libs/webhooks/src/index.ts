/**
 * Webhooks: tenants register endpoints; features publish events in their own transaction (through the outbox);
 * the worker delivers each event to each subscribed endpoint, signed (`IDV-Signature`), retried with backoff,
 * and every attempt is logged. Receivers check signatures with {@link verifyWebhookSignature}.
 */
export { WebhooksModule } from './webhooks.module';
export { Webhooks, type RegisterWebhookInput } from './webhooks.service';
export { WebhookDeliverer, webhookBody, type DeliveryOutcome } from './webhook.deliverer';
export {
  WEBHOOK_OPTIONS,
  webhookOptionsFromConfig,
  type WebhookOptions,
  type WebhookTargetPolicy,
} from './webhook.options';
export {
  verifyWebhookSignature,
  signatureHeader,
  webhookSignature,
  SIGNATURE_HEADER,
  type VerifyOptions,
  type SignatureCheck,
} from './webhook.signature';
export {
  addressReach,
  checkWebhookUrl,
  MAX_WEBHOOK_URL_LENGTH,
  type AddressReach,
} from './webhook-url.policy';
export {
  WEBHOOK_EVENT_TYPES,
  WebhookError,
  type WebhookEventType,
  type WebhookActor,
  type WebhookEndpoint,
  type RegisteredWebhook,
  type WebhookDelivery,
  type DeliveryPage,
  type PublishedEvent,
} from './webhook.types';
