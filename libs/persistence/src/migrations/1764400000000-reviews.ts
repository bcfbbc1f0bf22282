import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The manual-review queue. A review is opened for a completed verification (a `manual_review` verdict, an
 * appeal, or a quality-control sample), claimed under a lease by one reviewer and decided. At most one review
 * per verification is open at a time, and a verification can be appealed once: both are partial unique indexes,
 * so two racing writers cannot break them.
 */
export class Reviews1764400000000 implements MigrationInterface {
  name = 'Reviews1764400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "reviews" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
      "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
      "verification_id" uuid NOT NULL REFERENCES "verifications"("id"),
      "reason" text NOT NULL CHECK ("reason" IN ('manual_review','appeal','quality_sample')),
      "status" text NOT NULL DEFAULT 'pending' CHECK ("status" IN ('pending','claimed','decided')),
      "automated_verdict" text NOT NULL,
      "appeal_reason" text,
      "claimed_by" text,
      "claimed_at" timestamptz,
      "lease_until" timestamptz,
      "decisions" jsonb NOT NULL DEFAULT '[]',
      "decided_by" text,
      "verdict" text,
      "reason_codes" text[],
      "note" text,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "decided_at" timestamptz,
      "sla_due_at" timestamptz NOT NULL,
      CONSTRAINT "CHK_reviews_claim" CHECK ("status" <> 'claimed' OR ("claimed_by" IS NOT NULL AND "lease_until" IS NOT NULL)),
      CONSTRAINT "CHK_reviews_decided" CHECK ("status" <> 'decided' OR ("verdict" IS NOT NULL AND "decided_at" IS NOT NULL)))`);
    await q.query(
      `CREATE UNIQUE INDEX "UQ_reviews_open_per_verification" ON "reviews" ("verification_id") WHERE "status" <> 'decided'`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "UQ_reviews_appeal_per_verification" ON "reviews" ("verification_id") WHERE "reason" = 'appeal'`,
    );
    await q.query(
      `CREATE INDEX "IDX_reviews_queue" ON "reviews" ("tenant_id", "status", "created_at", "id")`,
    );
    await q.query(
      `CREATE INDEX "IDX_reviews_open_age" ON "reviews" ("created_at") WHERE "status" <> 'decided'`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "reviews"`);
  }
}
