import {
  compareRecord,
  isNameFieldFormat,
  type ComparedField,
  type ComparisonReport,
  type DocumentFields,
  type FieldComparison,
  type RegistrationRecord,
} from '@idv/matching';
import type { DocumentEvidence, DocumentField } from '@idv/verdict';

const valueOf = (evidence: DocumentEvidence, field: keyof DocumentEvidence['fields']) =>
  evidence.fields[field]?.value;

/** The field's read is vouched for by an integrity check that holds, and no check covering it fails. */
export function certainRead(evidence: DocumentEvidence, field: keyof DocumentEvidence['fields']): boolean {
  const covering = evidence.checks.filter((c) => c.covers.includes(field));
  return covering.length > 0 && covering.every((c) => c.holds);
}

/**
 * The document's fields against the registration record, whatever the document's family: the matching
 * library's comparison of every field the document states, then what only the evidence knows.
 * - A near miss on a field an integrity check vouches for is a plain mismatch (a check digit that verifies
 *   rules out an OCR slip), except a century the reader guessed and a G/6, S/8 or L/1 in a number (a check
 *   digit weighs both alike).
 * - A near miss on a field a second, independent read corroborates is a plain mismatch as well.
 * - A difference on a field read as something that cannot exist (a country code that is none) is a near miss.
 * - A birth date 100 years off where the reader guessed the century matches: the record settles the century.
 * Fields the document does not state are not compared. A card's printed name (a mainland card's 姓名, an HKID's
 * English and Chinese names) is compared with the record's whole name.
 */
export function compareEvidence(record: RegistrationRecord, evidence: DocumentEvidence): ComparisonReport {
  const format = isNameFieldFormat(evidence.format) ? evidence.format : null;
  const read: DocumentFields = {
    surname: valueOf(evidence, 'surname'),
    givenNames: valueOf(evidence, 'givenNames'),
    dateOfBirth: valueOf(evidence, 'dateOfBirth'),
    nationality: valueOf(evidence, 'nationality'),
    sex: valueOf(evidence, 'sex'),
    documentNumber: valueOf(evidence, 'documentNumber'),
    fullName: valueOf(evidence, 'fullName'),
    chineseName: valueOf(evidence, 'chineseName'),
    format,
    // Only an MRZ name field has a width an issuer truncates names to.
    ...(format ? {} : { nameTruncated: false }),
  };
  const report = compareRecord(record, read);
  for (const [field, comparison] of Object.entries(report) as [ComparedField, FieldComparison][]) {
    const source = sourceOf(field, evidence);
    if (!source) {
      delete report[field];
      continue;
    }
    settle(comparison, source, evidence);
  }
  return report;
}

/**
 * The document field a compared field was read from: itself, or for the whole name the card's name field, an
 * HKID's Chinese name when that is all it shows, or the MRZ's surname when the record gives only a whole name.
 */
function sourceOf(field: ComparedField, evidence: DocumentEvidence): DocumentField | null {
  const candidates: DocumentField[] =
    field === 'fullName' ? ['fullName', 'chineseName', 'surname', 'givenNames'] : [field];
  return candidates.find((f) => evidence.fields[f]) ?? null;
}

function settle(comparison: FieldComparison, field: DocumentField, evidence: DocumentEvidence): void {
  const seen = evidence.fields[field]!;
  if (comparison.status !== 'mismatch') return;
  if (comparison.basis === 'century') {
    if (seen.centuryGuessed) Object.assign(comparison, { status: 'match', score: 1, near: false });
    return;
  }
  // A check digit that verifies rules out an OCR slip, except one it cannot see (G read for 6).
  const certain = certainRead(evidence, field) && comparison.basis !== 'check_blind';
  // A doubtful read is a near miss whatever it shows, unless a second source corroborates it: then, as for a near
  // miss, the record differs (a surname read SKAERVOE from a fitted line, the page printing SKJÆRVØ, LØVLIE registered).
  if (comparison.near && (certain || seen.corroborated)) comparison.near = false;
  else if (!comparison.near && seen.doubtful && !seen.corroborated)
    Object.assign(comparison, { near: true, basis: 'ocr_ambiguous' });
}
