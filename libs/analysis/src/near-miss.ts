import {
  compareVisualZone,
  printsNameExactly,
  type ComparisonReport,
  type ComparedField,
} from '@idv/matching';
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
 * Settles near-miss names with the visual zone: when the page prints the MRZ's spelling exactly and not
 * the registered one, OCR did not slip and the record differs (a mismatch). Anything less stays a near miss
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
  const settled: NameField[] = [];
  for (const field of fields) {
    // The record's spelling may be one OCR slip from a printed word, or the start of one (CELIN in CELINE):
    // only a sighting of every registered word whole would make the printed page ambiguous.
    if (fromMrz[field]?.status === 'agree' && !printsNameExactly(registered[field], vizText)) {
      report[field]!.near = false;
      settled.push(field);
    }
  }
  return settled;
}

/**
 * A nationality that differs from the record while the MRZ shows no country code at all (`MLD` for `NLD`)
 * is a misread letter far more often than another nationality: no check digit covers it. Such a
 * difference becomes a near miss for a person to look at. Mutates and returns `report`.
 */
export function doubtUnknownNationality(report: ComparisonReport, parse: MrzParseResult): ComparisonReport {
  const nationality = report.nationality;
  const unknown = parse.warnings.some((w) => w.startsWith('UNKNOWN_COUNTRY: nationality'));
  if (nationality?.status === 'mismatch' && !nationality.near && unknown) {
    nationality.near = true;
    nationality.basis = 'ocr_ambiguous';
  }
  return report;
}

/** Whether the nationality is a near miss only because the MRZ shows no country code ({@link doubtUnknownNationality}). */
function nationalityInDoubt(report: ComparisonReport): boolean {
  const n = report.nationality;
  return n?.status === 'mismatch' && n.near && n.basis === 'ocr_ambiguous';
}

/**
 * Settles a nationality in doubt with the visual zone: when the printed page shows the registered code as a
 * word of its own (`NLD` in the code box) while the MRZ code is no country at all, OCR misread the MRZ
 * (`MLD`), and the field matches. A page that does not show it leaves the near miss. Mutates `report`.
 */
export function settleNationalityWithVisualZone(
  report: ComparisonReport,
  registered: string,
  vizText: string,
): boolean {
  if (!nationalityInDoubt(report) || !/^[A-Z]{3}$/.test(registered)) return false;
  const words = new Set(vizText.toUpperCase().split(/[^A-Z0-9]+/));
  if (!words.has(registered)) return false;
  Object.assign(report.nationality!, { status: 'match', score: 1, near: false, basis: 'ocr_ambiguous' });
  return true;
}

/**
 * A birth date that differs from the record by exactly 100 years states the same MRZ date: the MRZ has
 * two-digit years, and the parser only guessed the century (a holder born in 1911 read as 2011). The
 * record settles the century, so such a date matches. Mutates and returns `report`.
 */
export function acceptRecordCentury(report: ComparisonReport): ComparisonReport {
  const date = report.dateOfBirth;
  if (date?.status === 'mismatch' && date.basis === 'century') {
    Object.assign(date, { status: 'match', score: 1, near: false });
  }
  return report;
}
