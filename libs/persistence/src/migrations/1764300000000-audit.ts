import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit trail: `audit_events` (one hash chain per tenant, null tenant = platform chain),
 * `audit_chain_heads` (last seq and hash of each chain, locked FOR UPDATE by every writer so concurrent
 * appends never fork or leave gaps), and a trigger that refuses UPDATE, DELETE and TRUNCATE.
 * A superuser can still disable the trigger; the chain check (`@idv/audit` verifyChain) is what detects that.
 */
export class Audit1764300000000 implements MigrationInterface {
  name = 'Audit1764300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "audit_events" (
      "id" uuid NOT NULL,
      "seq" bigint NOT NULL CHECK ("seq" > 0),
      "at" timestamptz NOT NULL,
      "tenant_id" uuid,
      "actor_type" text NOT NULL CHECK ("actor_type" IN ('system','client','reviewer','auditor','admin')),
      "actor_id" text NOT NULL,
      "action" text NOT NULL,
      "subject_type" text NOT NULL,
      "subject_id" text NOT NULL,
      "reason_codes" text[] NOT NULL DEFAULT '{}',
      "data" jsonb NOT NULL DEFAULT '{}',
      "prev_hash" text NOT NULL,
      "hash" text NOT NULL,
      CONSTRAINT "PK_audit_events" PRIMARY KEY ("id"))`);
    await q.query(
      `CREATE UNIQUE INDEX "IDX_audit_events_chain_seq" ON "audit_events" ("tenant_id", "seq") WHERE "tenant_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX "IDX_audit_events_platform_seq" ON "audit_events" ("seq") WHERE "tenant_id" IS NULL`,
    );
    await q.query(`CREATE INDEX "IDX_audit_events_tenant_at" ON "audit_events" ("tenant_id", "at")`);
    await q.query(`CREATE INDEX "IDX_audit_events_subject" ON "audit_events" ("subject_id")`);
    // chain_key is the tenant id, or 'platform' for the null tenant, so the head has a plain primary key.
    await q.query(`CREATE TABLE "audit_chain_heads" (
      "chain_key" text NOT NULL,
      "tenant_id" uuid,
      "last_seq" bigint NOT NULL,
      "last_hash" text NOT NULL,
      CONSTRAINT "PK_audit_chain_heads" PRIMARY KEY ("chain_key"))`);
    await q.query(`CREATE FUNCTION "audit_events_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'Audit events can only be inserted; corrections are recorded as new events.';
      END $$`);
    await q.query(`CREATE TRIGGER "audit_events_no_update_delete" BEFORE UPDATE OR DELETE ON "audit_events"
      FOR EACH ROW EXECUTE FUNCTION "audit_events_append_only"()`);
    await q.query(`CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
      FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_append_only"()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "audit_chain_heads"`);
    await q.query(`DROP TABLE "audit_events"`);
    await q.query(`DROP FUNCTION "audit_events_append_only"()`);
  }
}
