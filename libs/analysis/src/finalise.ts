import { certainRead } from '@idv/documents';
import { decideVerdict, type VerdictInput } from '@idv/verdict';
import type { AnalysisOutcome } from './analysis.types';
import { describe } from './outcome.view';

/** What the caller knows beyond the images (from its database). */
export interface FinaliseContext {
  /** The applicant's restriction in force now; `until` is an ISO instant or null for no end. */
  restriction?: { until: string | null; reason: NonNullable<VerdictInput['restriction']>['reason'] } | null;
  /** The same document is already verified for another applicant of the tenant. */
  duplicate?: boolean;
  /** Deadline promised in `manual_review` hints (ISO instant). */
  reviewBy?: string | null;
}

/**
 * Re-decides an outcome with what only the caller knows: a restriction of the applicant and the
 * duplicate-document signal. The images are not analysed again; the stored facts are.
 */
export function finalise(outcome: AnalysisOutcome, context: FinaliseContext = {}): AnalysisOutcome {
  const facts: VerdictInput = {
    ...outcome.facts,
    restriction: context.restriction ?? null,
    duplicateDocument: context.duplicate ?? false,
    ...(context.reviewBy !== undefined ? { reviewBy: context.reviewBy } : {}),
  };
  const decision = decideVerdict(facts);
  return { ...outcome, verdict: decision.verdict, reasons: decision.reasons.map(describe), facts };
}

/**
 * The identity of the physical document, for duplicate detection: issuing country and number, when the
 * document's own checks vouch for the number (an MRZ check digit, a citizen number's check character) and none
 * of its checks fails. Null when the read cannot be trusted to identify a document.
 */
export function documentKeySource(
  outcome: AnalysisOutcome,
): { issuingCountry: string; documentNumber: string } | null {
  const { issuingCountry, documentNumber } = outcome.document;
  const evidence = outcome.facts.document;
  const trusted =
    !!evidence?.readable && evidence.checks.every((c) => c.holds) && certainRead(evidence, 'documentNumber');
  if (!trusted || !issuingCountry || !documentNumber) return null;
  return { issuingCountry, documentNumber: documentNumber.replace(/[<\s]/g, '').toUpperCase() };
}
