import type { MrzFormat } from '@idv/mrz';
import type { DeclaredDocumentType } from './analysis.types';

const TYPES: ReadonlySet<string> = new Set(['passport', 'id_card', 'residence_permit', 'visa']);

/** The declared type when it is one of the contract's, else null (an unknown value is ignored, not trusted). */
export function declaredType(value: string | undefined): DeclaredDocumentType | null {
  const v = value?.trim().toLowerCase();
  return v && TYPES.has(v) ? (v as DeclaredDocumentType) : null;
}

/**
 * The document type an ICAO document code stands for: `P…` passports and travel documents, `V…` visas,
 * `A`/`C`/`I` cards, where a second letter `R` is the usual mark of a residence permit (`IR`, `AR`, `CR`).
 * Null for codes outside ICAO 9303 (nothing this service supports).
 */
export function typeFromDocumentCode(code: string): DeclaredDocumentType | null {
  const c = code.toUpperCase();
  if (c.startsWith('P')) return 'passport';
  if (c.startsWith('V')) return 'visa';
  if (/^[ACI]/.test(c)) return c[1] === 'R' ? 'residence_permit' : 'id_card';
  return null;
}

/** Families a document code cannot tell apart: issuers print residence permits with plain `I`/`ID` codes too. */
const FAMILY: Record<DeclaredDocumentType, string> = {
  passport: 'book',
  visa: 'visa',
  id_card: 'card',
  residence_permit: 'card',
};

/** Whether the declared type fits the detected one; nothing declared or nothing detected is no contradiction. */
export function typesConsistent(
  declared: DeclaredDocumentType | null,
  detected: DeclaredDocumentType | null,
): boolean {
  return declared === null || detected === null || FAMILY[declared] === FAMILY[detected];
}

/**
 * The type of a document with a parsed MRZ: from its document code, or, when OCR garbled the code (it is
 * covered by no check digit), from the layout: TD3 books are passports, MRV layouts visas, TD1/TD2 cards.
 */
export function detectedType(documentCode: string, format: MrzFormat): DeclaredDocumentType {
  const byCode = typeFromDocumentCode(documentCode);
  if (byCode && format.startsWith('MRV') === (byCode === 'visa')) return byCode;
  if (format === 'TD3') return 'passport';
  return format.startsWith('MRV') ? 'visa' : 'id_card';
}
