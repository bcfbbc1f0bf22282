import { compareVisualZone, type ComparisonReport, type ComparedField } from '@idv/matching';
import type { MrzParseResult } from '@idv/mrz';

/** Name fields a visual-zone read can settle. */
export const NAME_FIELDS = ['surname', 'givenNames'] as const;
type NameField = (typeof NAME_FIELDS)[number];

/** Fields read through a check digit: when the digit verifies, the read is certain. */
const DIGIT_OF: Partial<Record<ComparedField, 'documentNumber' | 'dateOfBirth'>> = {
  documentNumber: 'documentNumber',
  dateOfBirth: 'dateOfBirth',
};

/**
 * Near misses whose read is certain are plain mismatches: a document number or birth date whose check digit
 * verifies cannot be an OCR slip, so the record differs (the century of a two-digit MRZ year excepted, which
 * no digit settles). Mutates and returns `report`.
 */
export function settleProtectedNearMisses(report: ComparisonReport, parse: MrzParseResult): ComparisonReport {
  for (const [field, comparison] of Object.entries(report) as [
    ComparedField,
    NonNullable<ComparisonReport[ComparedField]>,
  ][]) {
    const digit = DIGIT_OF[field];
    if (!comparison.near || !digit || comparison.basis === 'century') continue;
    if (parse.checks.some((c) => c.field === digit && c.valid)) comparison.near = false;
  }
  return report;
}

/** Name fields that are near misses, which the printed page may settle. */
export function nearNames(report: ComparisonReport): NameField[] {
  return NAME_FIELDS.filter((f) => report[f]?.status === 'mismatch' && report[f]?.near);
}

/**
 * Settles near-miss names with the visual zone: when the page prints the MRZ's spelling and not the
 * registered one, OCR did not slip and the record differs (a mismatch). Anything less stays a near miss
 * for a person to look at. `registered` holds the record's names in MRZ spelling. Mutates `report`.
 */
export function settleNamesWithVisualZone(
  report: ComparisonReport,
  fields: NameField[],
  mrz: Record<NameField, string>,
  registered: Record<NameField, string>,
  vizText: string,
): NameField[] {
  const fromMrz = compareVisualZone(mrz, vizText).fields;
  const fromRecord = compareVisualZone(registered, vizText).fields;
  const settled: NameField[] = [];
  for (const field of fields) {
    if (fromMrz[field]?.status === 'agree' && fromRecord[field]?.status === 'not_found') {
      report[field]!.near = false;
      settled.push(field);
    }
  }
  return settled;
}
