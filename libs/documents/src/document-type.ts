import { DOCUMENT_TYPES, type DocumentType } from '@idv/verdict';

const TYPES: ReadonlySet<string> = new Set(DOCUMENT_TYPES);

/** The declared type when it is one of the contract's, else null (an unknown value is ignored, not trusted). */
export function declaredType(value: string | undefined): DocumentType | null {
  const v = value?.trim().toLowerCase();
  return v && TYPES.has(v) ? (v as DocumentType) : null;
}

/** Families a document code cannot tell apart: issuers print residence permits with plain `I`/`ID` codes too. */
const FAMILY: Record<DocumentType, string> = {
  passport: 'book',
  visa: 'visa',
  id_card: 'card',
  residence_permit: 'card',
  cn_resident_id: 'cn_resident_id',
  hk_identity_card: 'hk_identity_card',
};

/** Whether the declared type fits the detected one; nothing declared or nothing detected is no contradiction. */
export function typesConsistent(declared: DocumentType | null, detected: DocumentType | null): boolean {
  return declared === null || detected === null || FAMILY[declared] === FAMILY[detected];
}
