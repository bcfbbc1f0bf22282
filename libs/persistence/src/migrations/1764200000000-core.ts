import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applicants, verifications with their encrypted images, the outbox that hands work to the queue,
 * webhooks and their deliveries.
 */
export class Core1764200000000 implements MigrationInterface {
  name = 'Core1764200000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "applicants" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
      "external_id" text NOT NULL,
      "surname" text,
      "given_names" text,
      "date_of_birth" date,
      "nationality" char(3),
      "sex" text,
      "document_number" text,
      "phone" text,
      "email" text,
      "status" text NOT NULL DEFAULT 'active' CHECK ("status" IN ('active','restricted','erased')),
      "restricted_until" timestamptz,
      "restriction_reason" text,
      "corrections" integer NOT NULL DEFAULT 0,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "updated_at" timestamptz NOT NULL DEFAULT now(),
      "erased_at" timestamptz,
      CONSTRAINT "UQ_applicants_tenant_external" UNIQUE ("tenant_id", "external_id"))`);

    await q.query(`CREATE TABLE "applicant_corrections" (
      "id" bigserial PRIMARY KEY,
      "applicant_id" uuid NOT NULL REFERENCES "applicants"("id"),
      "fields" text[] NOT NULL,
      "at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX "IDX_corrections_applicant_at" ON "applicant_corrections" ("applicant_id", "at")`,
    );

    await q.query(`CREATE TABLE "verifications" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
      "applicant_id" uuid NOT NULL REFERENCES "applicants"("id"),
      "document_type" text,
      "status" text NOT NULL DEFAULT 'queued' CHECK ("status" IN ('queued','processing','completed','failed')),
      "verdict" text,
      "reasons" jsonb NOT NULL DEFAULT '[]',
      "document" jsonb,
      "checks" jsonb,
      "review" jsonb,
      "engine_version" text,
      "document_key" text,
      "idempotency_key" text,
      "request_hash" text,
      "attempts" integer NOT NULL DEFAULT 0,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "started_at" timestamptz,
      "completed_at" timestamptz,
      "processing_ms" integer)`);
    await q.query(
      `CREATE INDEX "IDX_verifications_tenant_created" ON "verifications" ("tenant_id", "created_at" DESC, "id" DESC)`,
    );
    await q.query(
      `CREATE INDEX "IDX_verifications_applicant" ON "verifications" ("applicant_id", "created_at")`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_verifications_idempotency" ON "verifications" ("tenant_id", "idempotency_key") WHERE "idempotency_key" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "IDX_verifications_document_key" ON "verifications" ("tenant_id", "document_key") WHERE "document_key" IS NOT NULL`,
    );

    await q.query(`CREATE TABLE "verification_images" (
      "verification_id" uuid NOT NULL REFERENCES "verifications"("id"),
      "side" text NOT NULL CHECK ("side" IN ('front','back')),
      "tenant_id" uuid NOT NULL,
      "media_type" text NOT NULL,
      "width" integer NOT NULL,
      "height" integer NOT NULL,
      "bytes" integer NOT NULL,
      "key_id" text NOT NULL,
      "ciphertext" bytea,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "purged_at" timestamptz,
      PRIMARY KEY ("verification_id", "side"))`);
    await q.query(
      `CREATE INDEX "IDX_images_created" ON "verification_images" ("created_at") WHERE "purged_at" IS NULL`,
    );

    await q.query(`CREATE TABLE "outbox" (
      "id" bigserial PRIMARY KEY,
      "topic" text NOT NULL,
      "payload" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "dispatched_at" timestamptz)`);
    await q.query(`CREATE INDEX "IDX_outbox_pending" ON "outbox" ("id") WHERE "dispatched_at" IS NULL`);

    await q.query(`CREATE TABLE "webhook_endpoints" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
      "url" text NOT NULL,
      "events" text[] NOT NULL,
      "secret_ciphertext" bytea NOT NULL,
      "key_id" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "disabled_at" timestamptz)`);
    await q.query(`CREATE INDEX "IDX_webhook_endpoints_tenant" ON "webhook_endpoints" ("tenant_id")`);

    await q.query(`CREATE TABLE "webhook_events" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "tenant_id" uuid NOT NULL,
      "type" text NOT NULL,
      "data" jsonb NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now())`);

    await q.query(`CREATE TABLE "webhook_deliveries" (
      "id" bigserial PRIMARY KEY,
      "endpoint_id" uuid NOT NULL REFERENCES "webhook_endpoints"("id"),
      "event_id" uuid NOT NULL REFERENCES "webhook_events"("id"),
      "attempt" integer NOT NULL,
      "status_code" integer,
      "error" text,
      "duration_ms" integer NOT NULL,
      "succeeded" boolean NOT NULL,
      "at" timestamptz NOT NULL DEFAULT now())`);
    await q.query(
      `CREATE INDEX "IDX_deliveries_endpoint_at" ON "webhook_deliveries" ("endpoint_id", "at" DESC)`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'webhook_deliveries',
      'webhook_events',
      'webhook_endpoints',
      'outbox',
      'verification_images',
      'verifications',
      'applicant_corrections',
      'applicants',
    ]) {
      await q.query(`DROP TABLE "${t}"`);
    }
  }
}
