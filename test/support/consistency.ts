import { DataSource } from 'typeorm';
import { createAuditTrail } from '@idv/audit';
import { dataSourceOptions } from '@idv/persistence';

/** What {@link checkConsistency} found; `problems` is empty when the database tells one coherent story. */
export interface ConsistencyReport {
  verifications: number;
  byStatus: Record<string, number>;
  problems: string[];
}

/**
 * The invariants every fault must leave intact, read straight from the database:
 *  - every verification is final (completed with a verdict, or failed), none left queued or processing;
 *  - each has exactly one `verification.completed` audit event, and completed ones exactly one
 *    `verification.completed` webhook event (the wallet hears of it once);
 *  - no completion event refers to a verification that does not exist;
 *  - every audit hash chain verifies.
 */
export async function checkConsistency(databaseUrl: string): Promise<ConsistencyReport> {
  const ds = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    const problems: string[] = [];
    const rows: Array<{
      id: string;
      status: string;
      verdict: string | null;
      audits: number;
      events: number;
    }> = await ds.query(`
        SELECT v.id, v.status, v.verdict,
          (SELECT count(*)::int FROM audit_events a
            WHERE a.action = 'verification.completed' AND a.subject_id = v.id::text) AS audits,
          (SELECT count(*)::int FROM webhook_events e
            WHERE e.type = 'verification.completed' AND e.data->>'verificationId' = v.id::text) AS events
        FROM verifications v ORDER BY v.created_at`);
    const byStatus: Record<string, number> = {};
    for (const r of rows) {
      byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
      if (r.status !== 'completed' && r.status !== 'failed') problems.push(`${r.id} is still ${r.status}`);
      if (r.status === 'completed' && !r.verdict) problems.push(`${r.id} completed without a verdict`);
      if (r.audits !== 1) problems.push(`${r.id} has ${r.audits} verification.completed audit events`);
      if (r.status === 'completed' && r.events !== 1)
        problems.push(`${r.id} has ${r.events} verification.completed webhook events`);
    }
    const orphans: Array<{ subject_id: string }> = await ds.query(`
      SELECT a.subject_id FROM audit_events a
      WHERE a.action = 'verification.completed'
        AND NOT EXISTS (SELECT 1 FROM verifications v WHERE v.id::text = a.subject_id)`);
    for (const o of orphans) problems.push(`audit completion for unknown verification ${o.subject_id}`);
    for (const chain of await createAuditTrail(ds).verifyAllChains()) {
      if (!chain.valid)
        problems.push(`audit chain ${chain.tenant ?? 'platform'} invalid at ${chain.firstInvalidId}`);
    }
    return { verifications: rows.length, byStatus, problems };
  } finally {
    await ds.destroy();
  }
}

/** {@link checkConsistency} as a jest assertion; returns the report for further checks. */
export async function expectConsistent(databaseUrl: string): Promise<ConsistencyReport> {
  const report = await checkConsistency(databaseUrl);
  expect(report.problems).toEqual([]);
  return report;
}
