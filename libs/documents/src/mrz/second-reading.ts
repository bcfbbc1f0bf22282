import type { DocumentEvidence, DocumentField, FieldEvidence } from '@idv/verdict';
import type { NameField } from './printed-page';

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
    const registered = values.find(
      (value) =>
        value !== null &&
        value !== current.value &&
        matches({ ...evidence, fields: { ...evidence.fields, [field]: { ...current, value } } }, field),
    );
    if (registered) settled[field] = { ...current, value: registered };
  }
  return settled;
}
