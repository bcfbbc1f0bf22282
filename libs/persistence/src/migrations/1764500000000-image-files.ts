import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Images' ciphertext may live in a file (`IDV_IMAGE_DIR`) instead of the row: `file_path` names it, relative to that
 * directory. A row holds its bytes in one place at most; a purged row keeps neither.
 */
export class ImageFiles1764500000000 implements MigrationInterface {
  name = 'ImageFiles1764500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "verification_images" ADD COLUMN "file_path" text`);
    await q.query(
      `ALTER TABLE "verification_images" ADD CONSTRAINT "CHK_images_one_place"
         CHECK ("ciphertext" IS NULL OR "file_path" IS NULL)`,
    );
    // Retention asks, per upload-day folder, whether any stored image is left in it: a prefix search on stored rows.
    await q.query(
      `CREATE INDEX "IDX_images_stored_file" ON "verification_images" ("file_path" text_pattern_ops)
         WHERE "purged_at" IS NULL AND "file_path" IS NOT NULL`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_images_stored_file"`);
    await q.query(`ALTER TABLE "verification_images" DROP CONSTRAINT "CHK_images_one_place"`);
    await q.query(`ALTER TABLE "verification_images" DROP COLUMN "file_path"`);
  }
}
