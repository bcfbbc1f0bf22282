import type { ComparisonReport } from '@idv/matching';
import { nameLineOf, type MrzParseResult } from '@idv/mrz';
import type { DocumentEvidence, DocumentField, FieldEvidence } from '@idv/verdict';
import { differingNames, NAME_FIELDS } from './printed-page';

/** One recogniser's own reading of the MRZ, as field evidence; null when it read no zone of the same layout. */
export type MrzReading = Partial<Record<DocumentField, FieldEvidence>> | null;

/** Fields no check digit covers, which a second reading of the MRZ can settle: the names and the nationality. */
export type UncoveredField = 'surname' | 'givenNames' | 'nationality';

/**
 * The uncovered fields that differ from the record: names other than names in another order or field (see
 * differingNames), and a nationality (a code that is none, `TA<` for `ITA` with the narrow I dropped).
 */
export function uncoveredFieldsThatDiffer(report: ComparisonReport): UncoveredField[] {
  const nationality = report.nationality?.status === 'mismatch' ? (['nationality'] as const) : [];
  return [...differingNames(report), ...nationality];
}

/**
 * Fields no check digit covers settled by two recognisers' own readings of the MRZ: both reading the field as
 * it stands corroborate it, so the record differs; one of them reading it exactly as registered shows the
 * other slipped (a misread landing exactly on the record's spelling is far less likely than one missing it).
 * Returns the fields to replace; anything not settled is left for the printed page. `matches` compares a
 * candidate evidence's field with the record.
 */
export function settledByReadings(
  differing: readonly UncoveredField[],
  evidence: DocumentEvidence,
  readings: readonly MrzReading[],
  matches: (candidate: DocumentEvidence, field: UncoveredField) => boolean,
): Partial<Record<UncoveredField, FieldEvidence>> {
  const settled: Partial<Record<UncoveredField, FieldEvidence>> = {};
  for (const field of differing) {
    const current = evidence.fields[field];
    if (!current) continue;
    const values = readings.map((r) => r?.[field]?.value ?? null);
    // A doubtful field (a name read from a shifted line, a code that is none) is not corroborated by a second
    // reading that slipped alike.
    if (!current.doubtful && values.length >= 2 && values.every((v) => v === current.value)) {
      settled[field] = { ...current, corroborated: true };
      continue;
    }
    // A reading's names are judged together: they are cut from one line, and whether a long name was cut short
    // by the line's end (and may match the record's longer one) depends on where the other ends.
    const registered = readings.find((reading) => {
      const value = reading?.[field]?.value ?? null;
      return (
        value !== null &&
        value !== current.value &&
        matches(
          { ...evidence, fields: { ...evidence.fields, ...fieldsOf(reading!, field, evidence) } },
          field,
        )
      );
    });
    if (registered) settled[field] = { ...current, value: registered[field]!.value };
  }
  return settled;
}

/** The fields of one reading judged with `field`, each as the evidence's field with the reading's value. */
function fieldsOf(
  reading: NonNullable<MrzReading>,
  field: UncoveredField,
  evidence: DocumentEvidence,
): Partial<Record<UncoveredField, FieldEvidence>> {
  const fields: Partial<Record<UncoveredField, FieldEvidence>> = {};
  const together: readonly UncoveredField[] = field === 'nationality' ? [field] : NAME_FIELDS;
  for (const f of together) {
    const seen = evidence.fields[f];
    const value = reading[f]?.value;
    if (seen && value !== undefined) fields[f] = { ...seen, value };
  }
  return fields;
}

/**
 * Whether a recogniser's own reading holds the same fields no check digit covers as the read: the same layout, or
 * another whose names and nationality stand where the read's do (a TD3 read by the MRZ model with its filler runs
 * short parses as a TD2: `P<SWESJOSTROM<<LINNEA<<…` is the same name line) and whose name line ends in fillers,
 * so that the shorter layout did not cut a name.
 */
export function holdsSameNames(reading: MrzParseResult, read: MrzParseResult): boolean {
  if (!reading.format || !read.format) return false;
  if (reading.format === read.format) return true;
  const line = nameLineOf(read.format);
  return (
    line === 0 &&
    nameLineOf(reading.format) === 0 &&
    reading.lines.length === read.lines.length &&
    reading.lines[0].endsWith('<<')
  );
}
