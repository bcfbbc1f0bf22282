import { describeReason, type DocumentEvidence, type DocumentField, type VerdictReason } from '@idv/verdict';
import type { DeclaredDocumentType, DocumentView, OutcomeReason } from './analysis.types';

/** A decided reason in the contract's shape, with its en/zh-CN hint from the verdict catalogue. */
export function describe(reason: VerdictReason): OutcomeReason {
  const view = describeReason(reason);
  return { code: view.code, field: view.field, message: view.message, hint: view.hint };
}

/** Fields every document view has, `null` when not read. */
const COMMON = [
  'issuingCountry',
  'documentNumber',
  'surname',
  'givenNames',
  'dateOfBirth',
  'expiryDate',
  'sex',
  'nationality',
] as const;

/** Fields shown only for documents that print them (the Chinese and Hong Kong cards). */
const PRINTED_ONLY = [
  'fullName',
  'chineseName',
  'ethnicity',
  'address',
  'issuingAuthority',
  'validFrom',
  'issueDate',
] as const satisfies readonly DocumentField[];

const orNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value === '' ? null : value;

/** The contract's `document`: what the reader read, nothing when it read nothing. */
export function documentView(
  evidence: DocumentEvidence | null,
  type: DeclaredDocumentType | null,
): DocumentView {
  const value = (field: DocumentField) => {
    const seen = evidence?.fields[field];
    // A country code that exists nowhere (`RAL`, `GES`) is a misread: shown as not read, never as a country.
    if (seen?.doubtful && (field === 'issuingCountry' || field === 'nationality')) return null;
    return orNull(seen?.value);
  };
  const view: DocumentView = {
    type,
    format: evidence?.format ?? null,
    ...(Object.fromEntries(COMMON.map((f) => [f, value(f)])) as Record<
      (typeof COMMON)[number],
      string | null
    >),
  };
  for (const field of PRINTED_ONLY) if (evidence?.fields[field]) view[field] = value(field);
  const permanent = evidence?.fields.permanent;
  if (permanent) view.permanent = permanent.value === null ? null : permanent.value === 'true';
  return view;
}
