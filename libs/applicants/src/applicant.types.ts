import { DomainError } from '@idv/platform';

/** The registration record as the verification pipeline compares it. */
export interface RegistrationRecord {
  surname: string;
  givenNames: string;
  dateOfBirth: string;
  nationality: string;
  sex?: string;
  documentNumber?: string;
  /** The whole name (王小明); with it, surname and given names may be empty. */
  fullName?: string;
  /** The document the person registered with: one of the contract's document types. */
  documentType?: string;
}

export type RestrictionReason = 'TOO_MANY_ATTEMPTS' | 'TOO_MANY_CORRECTIONS' | 'OPERATOR_FLAG';

/** An applicant as the API returns it. */
export interface Applicant extends Partial<RegistrationRecord> {
  id: string;
  externalId: string;
  phone?: string | null;
  email?: string | null;
  status: 'active' | 'restricted' | 'erased';
  restrictedUntil: string | null;
  reason: RestrictionReason | null;
  corrections: number;
  createdAt: string;
  updatedAt: string;
  /** Only on an erased applicant: when it was erased. */
  erasedAt?: string;
}

/** The applicants feature's one error type. */
export class ApplicantError extends DomainError {}

export const applicantNotFound = (id: string) =>
  new ApplicantError('not_found', 'applicant_not_found', `No applicant ${id} in your tenant.`);
