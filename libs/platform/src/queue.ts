/** The one queue from the API to the worker. Job names say what the worker does with them. */
export const VERIFICATION_QUEUE = 'verification';

/** Webhook deliveries, retried with exponential backoff for more than 24 hours. */
export const WEBHOOK_QUEUE = 'webhooks';

/** Housekeeping on a schedule (retention), apart from the verification work so it never queues behind uploads. */
export const MAINTENANCE_QUEUE = 'maintenance';

/** The job scheduler id of the retention run: one stable id, so every worker upserting it yields one schedule. */
export const RETENTION_SCHEDULER_ID = 'retention-hourly';

export enum JobName {
  /** A round trip that proves the API → queue → worker wiring (used by `npm run cli -- queue:ping`). */
  Ping = 'ping',
  /** Analyse the documents of one verification and record its verdict. */
  Analyse = 'analyse',
  /** Deliver one webhook event to one endpoint. */
  DeliverWebhook = 'deliver',
  /** Purge images and redact old records past their retention period. */
  Retention = 'retention',
}

/** The outbox topic → queue and job name it is relayed to. */
export const OUTBOX_ROUTES: Record<string, { queue: string; job: JobName }> = {
  'verification.analyse': { queue: VERIFICATION_QUEUE, job: JobName.Analyse },
  'webhook.deliver': { queue: WEBHOOK_QUEUE, job: JobName.DeliverWebhook },
};

export interface PingJobData {
  sentAt: string;
  nonce: string;
}

export interface PingJobResult {
  nonce: string;
  worker: string;
  receivedAt: string;
}
