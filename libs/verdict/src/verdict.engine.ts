import type { ComparedField, FieldComparison } from '@idv/matching';
import type { DocumentEvidence, IntegrityCheck, ReasonSpec } from './evidence.types';
import {
  REASON_CODES,
  VERDICT_PRECEDENCE,
  type ReasonCode,
  type ReasonField,
  type Verdict,
  type VerdictDecision,
  type VerdictInput,
  type VerdictOptions,
  type VerdictReason,
} from './verdict.types';

const DEFAULT_MIN_CONFIDENCE = 0.6;

/** Order of fields within the reasons, as the contract lists them. */
const FIELD_ORDER: readonly ReasonField[] = [
  'fullName',
  'surname',
  'givenNames',
  'dateOfBirth',
  'nationality',
  'documentNumber',
  'sex',
];

/**
 * A reason found while deciding, with the tier (verdict) it argues for. `rank` puts what the person can
 * fix in the photo first: quality failures (0), then quality warnings (1), then the rest (2, default).
 */
interface Finding {
  verdict: Verdict;
  reason: VerdictReason;
  rank?: number;
}

type Params = NonNullable<VerdictReason['params']>;

const reason = (code: ReasonCode, field: ReasonField | null = null, params?: Params): VerdictReason =>
  params && Object.keys(params).length > 0 ? { code, field, params } : { code, field };

function fieldsOf(input: VerdictInput): [ComparedField, FieldComparison][] {
  return Object.entries(input.comparison ?? {}) as [ComparedField, FieldComparison][];
}

function allFieldsMatch(input: VerdictInput): boolean {
  const fields = fieldsOf(input);
  return fields.length > 0 && fields.every(([, f]) => f.status === 'match');
}

/**
 * A field's read can be trusted: confident OCR (the field's own confidence, else the document's), or an
 * integrity check that covers it and holds while none that covers it fails.
 */
function confidentRead(field: ComparedField, doc: DocumentEvidence, minConfidence: number): boolean {
  const covering = doc.checks.filter((c) => c.covers.includes(field));
  if (covering.some((c) => c.holds) && covering.every((c) => c.holds)) return true;
  const confidence = doc.fields[field]?.confidence ?? doc.confidence;
  return confidence === null || confidence >= minConfidence;
}

function restrictionFindings(input: VerdictInput): Finding[] {
  const r = input.restriction;
  if (!r) return [];
  const code = r.reason === 'TOO_MANY_ATTEMPTS' ? 'TOO_MANY_ATTEMPTS' : 'APPLICANT_RESTRICTED';
  return [{ verdict: 'restricted', reason: reason(code, null, { retryAt: r.until }) }];
}

/** Quality findings that no read outweighs: the upload is not the original document. */
const REPRODUCTION: ReadonlySet<string> = new Set(['DOCUMENT_COPY']);

/**
 * The document checked itself and everything it needs was read: every integrity check (an MRZ's check digits)
 * holds, or fails as a forgery signal on a read that OCR does not explain. Such a document is whole, whatever its
 * framing looked like (a page scanned exactly to its edges, a card held by its edge in a hand): a read trusted
 * enough to call a failing check a forgery saw all it needs, and the forgery, not the framing, stands in the way.
 */
function readWhole(doc: DocumentEvidence | null | undefined): boolean {
  return (
    !!doc?.readable &&
    doc.unreadable.length === 0 &&
    doc.checks.length > 0 &&
    doc.checks.every((c) => c.holds || (c.severity === 'forgery' && !c.explainedByOcr))
  );
}

function readabilityFindings(input: VerdictInput, hints: Params): Finding[] {
  const findings: Finding[] = [];
  const doc = input.document;
  const read = Boolean(doc?.readable);
  const issues = input.quality?.issues ?? [];
  // Glare over a document that could not be read is what stands in the way, not a framing doubt (a card held
  // in a hand fills the frame, and its hand crosses the border).
  const glare = !read && issues.some((i) => i.code === 'IMAGE_GLARE');
  for (const issue of issues) {
    if (issue.code === 'DOCUMENT_CUT_OFF' && readWhole(doc)) continue;
    // Warnings explain a failed read; an unsupported document has nothing to read, so they explain nothing.
    // A reproduction stands whatever was read: a legible photocopy is still not the document.
    const stands = REPRODUCTION.has(issue.code) && !!doc && doc.supported !== false;
    if (issue.severity === 'fail' || stands || (!read && doc?.supported !== false)) {
      findings.push({
        verdict: 'unreadable',
        reason: reason(issue.code, null, hints),
        rank: glare && issue.code === 'DOCUMENT_CUT_OFF' ? 1.5 : issue.severity === 'fail' ? 0 : 1,
      });
    }
  }
  // No read was attempted because the image already failed: its quality reasons say all there is to change.
  if (!doc) {
    if (!input.quality?.issues.some((i) => i.severity === 'fail'))
      findings.push({ verdict: 'unreadable', reason: reason('DOCUMENT_NOT_FOUND') });
    return findings;
  }
  if (!read && !doc.found) {
    findings.push({ verdict: 'unreadable', reason: reason('DOCUMENT_NOT_FOUND') });
  } else if (doc.supported !== false) {
    // A document of an unsupported type has nothing of ours to read: that is `unsupported`, not `unreadable`.
    const why: readonly ReasonSpec[] =
      doc.unreadable.length > 0 || read ? doc.unreadable : [{ code: 'DOCUMENT_NOT_FOUND', field: null }];
    for (const r of why) findings.push({ verdict: 'unreadable', reason: reason(r.code, r.field, hints) });
  }
  return findings;
}

/**
 * The document's own checks. A failed `forgery` check that OCR does not explain is a fraud signal. Explained by
 * OCR, it sends a read that also disagrees with the record back for a new photo (the read cannot be trusted),
 * and one that agrees to a person. A failed `review` check goes to a person.
 */
function integrityFindings(input: VerdictInput, doc: DocumentEvidence, review: Params): Finding[] {
  const findings: Finding[] = [];
  const failed = doc.checks.filter((c) => !c.holds);
  const forgeries = failed.filter((c) => c.severity === 'forgery');
  for (const check of forgeries.filter((c) => !c.explainedByOcr))
    findings.push({ verdict: 'rejected', reason: reason(check.reason) });
  const misread = forgeries.filter((c) => c.explainedByOcr);
  if (misread.length > 0) {
    if (allFieldsMatch(input)) {
      for (const check of misread)
        findings.push({ verdict: 'manual_review', reason: reason(check.reason, null, review) });
    } else {
      for (const check of misread) findings.push(illegible(check));
    }
  }
  for (const check of failed.filter((c) => c.severity === 'review'))
    findings.push({ verdict: 'manual_review', reason: reason(check.reason, null, review) });
  return findings;
}

function illegible(check: IntegrityCheck): Finding {
  const r = check.illegible ?? { code: 'LOW_CONFIDENCE', field: null };
  return { verdict: 'unreadable', reason: reason(r.code, r.field) };
}

function comparisonFindings(
  input: VerdictInput,
  doc: DocumentEvidence,
  minConfidence: number,
  review: Params,
): Finding[] {
  const fields = fieldsOf(input).sort(([a], [b]) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b));
  if (fields.length === 0)
    return [{ verdict: 'manual_review', reason: reason('LOW_CONFIDENCE', null, review) }];
  const findings: Finding[] = [];
  for (const [field, comparison] of fields) {
    if (comparison.status === 'match') continue;
    if (comparison.status === 'missing') {
      findings.push({ verdict: 'manual_review', reason: reason('LOW_CONFIDENCE', null, review) });
    } else if (comparison.near) {
      findings.push({ verdict: 'manual_review', reason: reason('FIELD_NEAR_MATCH', field, review) });
    } else if (confidentRead(field, doc, minConfidence)) {
      findings.push({ verdict: 'mismatch', reason: reason('FIELD_MISMATCH', field) });
    } else {
      findings.push({ verdict: 'manual_review', reason: reason('LOW_CONFIDENCE', null, review) });
    }
  }
  return findings;
}

function documentFindings(input: VerdictInput, doc: DocumentEvidence): Finding[] {
  const findings: Finding[] = [];
  if (input.duplicateDocument) findings.push({ verdict: 'rejected', reason: reason('DUPLICATE_DOCUMENT') });
  // An expiry date whose own check failed on a doubtful read is not proof of expiry.
  const expiryDoubtful = doc.checks.some(
    (c) => !c.holds && c.explainedByOcr && c.covers.includes('expiryDate'),
  );
  if (input.expiry?.expired && !expiryDoubtful) {
    const params = input.expiry.expiryDate ? { expiryDate: input.expiry.expiryDate } : undefined;
    findings.push({ verdict: 'expired', reason: reason('DOCUMENT_EXPIRED', null, params) });
  }
  return findings;
}

const tierOf = (verdict: Verdict): number => VERDICT_PRECEDENCE.indexOf(verdict);

/** Most important first: by verdict tier, then rank, then catalogue order, then field order. */
function byImportance(a: Finding, b: Finding): number {
  return (
    tierOf(a.verdict) - tierOf(b.verdict) ||
    (a.rank ?? 2) - (b.rank ?? 2) ||
    REASON_CODES.indexOf(a.reason.code) - REASON_CODES.indexOf(b.reason.code) ||
    FIELD_ORDER.indexOf(a.reason.field ?? 'surname') - FIELD_ORDER.indexOf(b.reason.field ?? 'surname')
  );
}

function dedupe(reasons: VerdictReason[]): VerdictReason[] {
  const seen = new Set<string>();
  return reasons.filter((r) => {
    const key = `${r.code}/${r.field ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Decides the verdict of a verification by the contract's precedence table (restricted > unreadable >
 * unsupported > rejected > expired > mismatch > manual_review > accepted): the strongest verdict any
 * finding argues for wins. The reasons are those of the winning verdict, deduplicated and most
 * important first; an `expired` verdict also lists the fields that differ, since the person has to
 * fix both. Pure: the caller supplies every fact, including the restriction in force and the review
 * deadline.
 */
export function decideVerdict(input: VerdictInput, options: VerdictOptions = {}): VerdictDecision {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  const review: Params = { reviewBy: input.reviewBy ?? null };
  const doc = input.document;
  const hints: Params = doc?.hintContext ? { document: doc.hintContext } : {};
  const findings: Finding[] = [...restrictionFindings(input), ...readabilityFindings(input, hints)];
  if (doc?.supported === false) {
    findings.push({
      verdict: 'unsupported',
      reason: reason('DOCUMENT_TYPE_UNSUPPORTED', null, { acceptedTypes: input.acceptedTypes ?? null }),
    });
  }
  if (doc?.readable) {
    findings.push(...integrityFindings(input, doc, review), ...documentFindings(input, doc));
    findings.push(...comparisonFindings(input, doc, minConfidence, review));
    // OCR confidence is not calibrated (the MRZ model reports 0 on some exact reads), so it only sends a read to
    // review when nothing else corroborates it: every integrity check holding AND every compared field equal to
    // the record is evidence no misread could produce by chance.
    const corroborated = doc.checks.length > 0 && doc.checks.every((c) => c.holds) && allFieldsMatch(input);
    if (doc.confidence !== null && doc.confidence < minConfidence && !corroborated) {
      findings.push({ verdict: 'manual_review', reason: reason('LOW_CONFIDENCE', null, review) });
    }
  }
  findings.sort(byImportance);
  const verdict = findings[0]?.verdict ?? 'accepted';
  const kept = findings.filter(
    (f) => f.verdict === verdict || (verdict === 'expired' && f.reason.code === 'FIELD_MISMATCH'),
  );
  return { verdict, reasons: dedupe(kept.map((f) => f.reason)) };
}
