/** The one queue from the API to the worker. Job names say what the worker does with them. */
export const VERIFICATION_QUEUE = 'verification';

export enum JobName {
  /** A round trip that proves the API → queue → worker wiring (used by `npm run cli -- queue:ping`). */
  Ping = 'ping',
}

export interface PingJobData {
  sentAt: string;
  nonce: string;
}

export interface PingJobResult {
  nonce: string;
  worker: string;
  receivedAt: string;
}
