import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tenants and their API keys: the ground every other table stands on. */
export class Init1764100000000 implements MigrationInterface {
  name = 'Init1764100000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);
    await q.query(`CREATE TABLE "tenants" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "name" text NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "PK_tenants" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_tenants_name" UNIQUE ("name"))`);
    await q.query(`CREATE TABLE "api_keys" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "tenant_id" uuid NOT NULL REFERENCES "tenants"("id"),
      "role" text NOT NULL CHECK ("role" IN ('client','reviewer','auditor','admin')),
      "prefix" text NOT NULL,
      "secret_hash" bytea NOT NULL,
      "created_at" timestamptz NOT NULL DEFAULT now(),
      "revoked_at" timestamptz,
      CONSTRAINT "PK_api_keys" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_api_keys_tenant" ON "api_keys" ("tenant_id")`);
    await q.query(`CREATE UNIQUE INDEX "IDX_api_keys_secret_hash" ON "api_keys" ("secret_hash")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "api_keys"`);
    await q.query(`DROP TABLE "tenants"`);
  }
}
