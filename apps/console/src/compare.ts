/** How one field of the document compares with the registration record. */
export type FieldResult = 'match' | 'mismatch' | 'missing';

export interface FieldRow {
  field: string;
  document: string | null;
  record: string | null;
  result: FieldResult | null;
}

/** The fields a reviewer compares, in reading order; the first five are the ones the engine compares. */
export const COMPARED_FIELDS = [
  'surname',
  'givenNames',
  'dateOfBirth',
  'nationality',
  'documentNumber',
  'sex',
] as const;

const text = (v: unknown): string | null => (v === null || v === undefined || v === '' ? null : String(v));
/** Upper case, accents removed, spaces and fillers collapsed: the same reading a person would give. */
const normal = (v: string) =>
  v
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[<\s-]+/g, ' ')
    .trim();

/**
 * One row per compared field. The engine's own verdict on a field (`checks.comparison`) wins, because it knows
 * ICAO transliteration and truncation; fields it did not compare fall back to a plain normalised comparison.
 */
export function compareFields(
  document: Record<string, unknown> | null,
  record: Record<string, unknown>,
  comparison: Record<string, unknown> | null | undefined,
): FieldRow[] {
  return COMPARED_FIELDS.map((field) => {
    const onDocument = text(document?.[field]);
    const onRecord = text(record[field]);
    const engine = comparison?.[field];
    let result: FieldResult | null;
    if (engine === 'match' || engine === 'mismatch' || engine === 'missing') result = engine;
    else if (onDocument === null && onRecord === null) result = null;
    else if (onDocument === null || onRecord === null) result = onRecord === null ? null : 'missing';
    else result = normal(onDocument) === normal(onRecord) ? 'match' : 'mismatch';
    return { field, document: onDocument, record: onRecord, result };
  });
}
