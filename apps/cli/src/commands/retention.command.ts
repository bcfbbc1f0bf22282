import { Retention } from '@idv/verifications';
import { withServices } from '../cli.context';
import type { CliCommand } from './command';

/**
 * `retention:run [--dry-run]`: what the worker's hourly job does, now: purges images past IDV_IMAGE_RETENTION_DAYS
 * and redacts verifications past IDV_RECORD_RETENTION_YEARS, printing one JSON report per run (counts only).
 * `--dry-run` counts what is due (up to one batch) and changes nothing.
 */
export const retentionRunCommand: CliCommand = {
  summary: 'purge images and redact records past their retention period now [--dry-run]',
  options: { 'dry-run': { type: 'boolean' } },
  async run(values) {
    const dryRun = values['dry-run'] === true;
    const reports = await withServices((app) => app.get(Retention).runAll({ dryRun }));
    for (const report of reports) process.stdout.write(`${JSON.stringify(report)}\n`);
    return 0;
  },
};
