import type { MrzFormat } from '@idv/mrz';
import type { DocumentType } from '@idv/verdict';

/**
 * The document type an ICAO document code stands for: `P…` passports and travel documents, `V…` visas,
 * `A`/`C`/`I` cards, where a second letter `R` is the usual mark of a residence permit (`IR`, `AR`, `CR`).
 * Null for codes outside ICAO 9303 (nothing this service supports).
 */
export function typeFromDocumentCode(code: string): DocumentType | null {
  const c = code.toUpperCase();
  if (c.startsWith('P')) return 'passport';
  if (c.startsWith('V')) return 'visa';
  if (/^[ACI]/.test(c)) return c[1] === 'R' ? 'residence_permit' : 'id_card';
  return null;
}

/**
 * The type of a document with a parsed MRZ: from its document code, or, when OCR garbled the code (it is
 * covered by no check digit), from the layout: TD3 books are passports, MRV layouts visas, TD1/TD2 cards.
 */
export function detectedType(documentCode: string, format: MrzFormat): DocumentType {
  const byCode = typeFromDocumentCode(documentCode);
  if (byCode && format.startsWith('MRV') === (byCode === 'visa')) return byCode;
  if (format === 'TD3') return 'passport';
  return format.startsWith('MRV') ? 'visa' : 'id_card';
}
