import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deployment's identity: one row holding a random id, written by the first service start (not here, so that
 * databases cloned from a migrated template each get their own). A backup carries it, so a restored database is
 * the same deployment; a database created afresh is another one. The service keeps it beside its Redis queue prefix
 * and refuses to share the prefix with another deployment's work.
 */
export class DeploymentIdentity1764820000000 implements MigrationInterface {
  name = 'DeploymentIdentity1764820000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "deployment" (
      "singleton" boolean PRIMARY KEY DEFAULT true CHECK ("singleton"),
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "created_at" timestamptz NOT NULL DEFAULT now())`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "deployment"`);
  }
}
