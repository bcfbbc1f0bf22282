import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each outbox row gets a random key its queue job is named after. Job ids used to be the row id, a sequence of the
 * database: after a restore (the sequence goes back) or beside a recreated database, new rows took the ids of jobs
 * Redis still kept as completed, BullMQ dropped the adds as duplicates and those uploads never got a verdict.
 */
export class OutboxJobKey1764810000000 implements MigrationInterface {
  name = 'OutboxJobKey1764810000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "outbox" ADD COLUMN "job_key" uuid NOT NULL DEFAULT gen_random_uuid()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "outbox" DROP COLUMN "job_key"`);
  }
}
