import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@idv/audit';
import { APP_CONFIG, Clock, type AppConfig } from '@idv/platform';
import { DataProtectionRepository } from './data-protection.repository';
import { ImageStore } from './image.store';

/** What one retention run did (or, dry, would do). */
export interface RetentionReport {
  runId: string;
  dryRun: boolean;
  /** Images uploaded before this time are purged (`IDV_IMAGE_RETENTION_DAYS`). */
  imageCutoff: string;
  /** Verifications created before this time lose their document data (`IDV_RECORD_RETENTION_YEARS`). */
  recordCutoff: string;
  images: number;
  verifications: number;
  /** Per tenant, for the tenants where something was (or would be) purged. */
  tenants: Array<{ tenantId: string; images: number; verifications: number }>;
  /** True when a batch limit was reached: run again (the job does) for the rest. */
  more: boolean;
}

const BATCH = 2000;
const DAY_MS = 86_400_000;

/**
 * The retention policy: document images are purged `IDV_IMAGE_RETENTION_DAYS` after upload (bytes deleted, metadata
 * kept); verifications older than `IDV_RECORD_RETENTION_YEARS` keep their verdict and reasons but lose the document
 * data read from the images. Audit events are never deleted. Each run is one transaction, audited on the platform
 * chain (`retention.purged`, counts only) and on each affected tenant's chain.
 */
@Injectable()
export class Retention {
  private readonly logger = new Logger('Retention');

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly images: ImageStore,
    private readonly data: DataProtectionRepository,
    private readonly audit: AuditTrail,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One run of at most `limit` images and `limit` verifications. A dry run changes and records nothing. */
  async run(options: { dryRun?: boolean; limit?: number } = {}): Promise<RetentionReport> {
    const dryRun = options.dryRun ?? false;
    const limit = options.limit ?? BATCH;
    const now = this.clock.now();
    const imageCutoff = new Date(now.getTime() - this.config.retention.imageDays * DAY_MS);
    const recordCutoff = new Date(now);
    recordCutoff.setUTCFullYear(recordCutoff.getUTCFullYear() - this.config.retention.recordYears);
    const report = await this.ds.transaction(async (tx) => {
      const images = await this.images.purgeUploadedBefore(tx, imageCutoff, limit, dryRun);
      const records = await this.data.redactCreatedBefore(tx, recordCutoff, limit, dryRun);
      const report = summarise(images, records, { dryRun, imageCutoff, recordCutoff, limit });
      if (!dryRun) await this.record(tx, report);
      return report;
    });
    if (report.images || report.verifications) {
      this.logger.log(
        { runId: report.runId, images: report.images, verifications: report.verifications, dryRun },
        'retention run',
      );
    }
    return report;
  }

  /** Runs until nothing is left over (each run its own transaction and audit event); returns every report. */
  async runAll(options: { dryRun?: boolean; limit?: number } = {}): Promise<RetentionReport[]> {
    const reports = [await this.run(options)];
    // A dry run changes nothing, so another pass would count the same rows again.
    while (!options.dryRun && reports[reports.length - 1].more) reports.push(await this.run(options));
    return reports;
  }

  private async record(tx: Parameters<AuditTrail['record']>[1], r: RetentionReport): Promise<void> {
    const event = (tenant: string | null, data: Record<string, unknown>) =>
      this.audit.record(
        {
          tenant,
          actor: { type: 'system', id: 'retention' },
          action: 'retention.purged',
          subject: { type: 'retention_run', id: r.runId },
          data: { imageCutoff: r.imageCutoff, recordCutoff: r.recordCutoff, ...data },
        },
        tx,
      );
    await event(null, { images: r.images, verifications: r.verifications, tenants: r.tenants.length });
    for (const t of r.tenants) await event(t.tenantId, { images: t.images, verifications: t.verifications });
  }
}

function summarise(
  images: Array<{ tenantId: string; count: number }>,
  records: Array<{ tenantId: string; count: number }>,
  o: { dryRun: boolean; imageCutoff: Date; recordCutoff: Date; limit: number },
): RetentionReport {
  const tenants = new Map<string, { tenantId: string; images: number; verifications: number }>();
  const of = (tenantId: string) =>
    tenants.get(tenantId) ?? tenants.set(tenantId, { tenantId, images: 0, verifications: 0 }).get(tenantId)!;
  for (const i of images) of(i.tenantId).images += i.count;
  for (const v of records) of(v.tenantId).verifications += v.count;
  const list = [...tenants.values()].sort((a, b) => a.tenantId.localeCompare(b.tenantId));
  const total = (k: 'images' | 'verifications') => list.reduce((n, t) => n + t[k], 0);
  return {
    runId: randomUUID(),
    dryRun: o.dryRun,
    imageCutoff: o.imageCutoff.toISOString(),
    recordCutoff: o.recordCutoff.toISOString(),
    images: total('images'),
    verifications: total('verifications'),
    tenants: list,
    more: total('images') >= o.limit || total('verifications') >= o.limit,
  };
}
