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

/** The `document.format` of the Chinese and Hong Kong identity cards, read from their printed fields. */
export const CARD_FORMATS: readonly string[] = ['CN_RESIDENT_ID', 'CN_RESIDENCE_PERMIT', 'HKID'];

/** A card's fields in the order they are printed: its one name field (an HKID's English and Chinese names). */
const CARD_FIELDS = ['fullName', 'dateOfBirth', 'sex', 'documentNumber'] as const;
const HKID_FIELDS = ['fullName', 'chineseName', 'dateOfBirth', 'sex', 'documentNumber'] as const;

const HAN = /[\u3400-\u9fff\uf900-\ufaff]|[\ud840-\ud87f][\udc00-\udfff]/;

/** Whether the document was read from a card's printed fields (no MRZ, a whole-name field). */
export function isCard(document: Record<string, unknown> | null | undefined): boolean {
  return CARD_FORMATS.includes(String(document?.format ?? ''));
}

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
 * The record's whole name: `fullName`, else surname and given names as the script writes them (王 + 小明 is
 * 王小明, ZHANG + WEI is ZHANG WEI).
 */
export function wholeName(record: Record<string, unknown>): string | null {
  const full = text(record.fullName);
  if (full) return full;
  const parts = [text(record.surname), text(record.givenNames)].filter((p): p is string => p !== null);
  if (parts.length === 0) return null;
  return parts.join(parts.every((p) => HAN.test(p)) ? '' : ' ');
}

/**
 * Which record value a card's row shows, and which engine comparison judges it: the whole name beside the
 * card's name (on an HKID beside the name in the record's script: a Han record beside the Chinese name, a
 * Latin one beside the English name), the other fields as they are.
 */
function cardRow(
  field: string,
  document: Record<string, unknown> | null,
  record: Record<string, unknown>,
): { onRecord: string | null; engineKey: string | null } {
  if (field !== 'fullName' && field !== 'chineseName')
    return { onRecord: text(record[field]), engineKey: field };
  const name = wholeName(record);
  if (document?.format !== 'HKID') return { onRecord: name, engineKey: 'fullName' };
  const han = name !== null && HAN.test(name);
  const mine = field === (han ? 'chineseName' : 'fullName');
  return mine ? { onRecord: name, engineKey: 'fullName' } : { onRecord: null, engineKey: null };
}

/**
 * One row per compared field. The engine's own verdict on a field (`checks.comparison`) wins, because it knows
 * ICAO transliteration and truncation, pinyin and traditional characters; fields it did not compare fall back
 * to a plain normalised comparison. A card's rows are its printed fields, its name beside the record's whole name.
 */
export function compareFields(
  document: Record<string, unknown> | null,
  record: Record<string, unknown>,
  comparison: Record<string, unknown> | null | undefined,
): FieldRow[] {
  const card = isCard(document);
  const fields: readonly string[] = !card
    ? COMPARED_FIELDS
    : document?.format === 'HKID'
      ? HKID_FIELDS
      : CARD_FIELDS;
  return fields.map((field) => {
    const onDocument = text(document?.[field]);
    const { onRecord, engineKey } = card
      ? cardRow(field, document, record)
      : { onRecord: text(record[field]), engineKey: field };
    const engine = engineKey ? comparison?.[engineKey] : undefined;
    let result: FieldResult | null;
    if (engine === 'match' || engine === 'mismatch' || engine === 'missing') result = engine;
    else if (onDocument === null && onRecord === null) result = null;
    else if (onDocument === null || onRecord === null) result = onRecord === null ? null : 'missing';
    else result = normal(onDocument) === normal(onRecord) ? 'match' : 'mismatch';
    return { field, document: onDocument, record: onRecord, result };
  });
}
