import type { MrzParseResult } from '@idv/mrz';
import { describeReason, type VerdictReason } from '@idv/verdict';
import type { DeclaredDocumentType, DocumentView, OutcomeReason } from './analysis.types';

/** A decided reason in the contract's shape, with its en/zh-CN hint from the verdict catalogue. */
export function describe(reason: VerdictReason): OutcomeReason {
  const view = describeReason(reason);
  return { code: view.code, field: view.field, message: view.message, hint: view.hint };
}

const orNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value === '' ? null : value;

/** The contract's `document`: what the MRZ says, nothing when it was not read. */
export function documentView(parse: MrzParseResult | null, type: DeclaredDocumentType | null): DocumentView {
  const f = parse?.fields;
  return {
    type,
    format: parse?.format ?? null,
    issuingCountry: orNull(f?.issuingCountry),
    documentNumber: orNull(f?.documentNumber),
    surname: orNull(f?.surname),
    givenNames: orNull(f?.givenNames),
    dateOfBirth: orNull(f?.dateOfBirth),
    expiryDate: orNull(f?.expiryDate),
    sex: orNull(f?.sex),
    nationality: orNull(f?.nationality),
  };
}
