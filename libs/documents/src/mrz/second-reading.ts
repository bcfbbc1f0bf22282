import type { DocumentEvidence, DocumentField, FieldEvidence } from '@idv/verdict';
import { NAME_FIELDS, type NameField } from './printed-page';

/** One recogniser's own reading of the MRZ, as field evidence; null when it read no zone of the same layout. */
export type MrzReading = Partial<Record<DocumentField, FieldEvidence>> | null;

/**
 * Near-miss names settled by two recognisers' own readings of the MRZ (no check digit covers names): both
 * reading the name as it stands corroborate it, so the record differs; one of them reading it exactly as
 * registered shows the other slipped (a misread landing exactly on the record's spelling is far less likely
 * than one missing it). Returns the fields to replace; anything not settled is left for the printed page.
 * `matches` compares a candidate evidence's field with the record.
 */
export function namesSettledByReadings(
  names: readonly NameField[],
  evidence: DocumentEvidence,
  readings: readonly MrzReading[],
  matches: (candidate: DocumentEvidence, field: NameField) => boolean,
): Partial<Record<NameField, FieldEvidence>> {
  const settled: Partial<Record<NameField, FieldEvidence>> = {};
  for (const field of names) {
    const current = evidence.fields[field];
    if (!current) continue;
    const values = readings.map((r) => r?.[field]?.value ?? null);
    // A doubtful name (read from a shifted line) is not corroborated by a second reading shifted alike.
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
        matches({ ...evidence, fields: { ...evidence.fields, ...namesOf(reading!, evidence) } }, field)
      );
    });
    if (registered) settled[field] = { ...current, value: registered[field]!.value };
  }
  return settled;
}

/** The names of one reading, each as the evidence's field with the reading's value. */
function namesOf(
  reading: NonNullable<MrzReading>,
  evidence: DocumentEvidence,
): Partial<Record<NameField, FieldEvidence>> {
  const names: Partial<Record<NameField, FieldEvidence>> = {};
  for (const f of NAME_FIELDS) {
    const seen = evidence.fields[f];
    const value = reading[f]?.value;
    if (seen && value !== undefined) names[f] = { ...seen, value };
  }
  return names;
}
