import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The registration record may give the whole name (王小明) instead of, or besides, surname and given names, and say
 * which document the person registered with (the contract's `documentType`, 证件类型).
 */
export class ApplicantFullName1764700000000 implements MigrationInterface {
  name = 'ApplicantFullName1764700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "applicants" ADD COLUMN "full_name" text`);
    await q.query(`ALTER TABLE "applicants" ADD COLUMN "document_type" text`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "applicants" DROP COLUMN "document_type"`);
    await q.query(`ALTER TABLE "applicants" DROP COLUMN "full_name"`);
  }
}
