import { MrzDocumentData } from '@idv/mrz';
import { MrzLayout, Sex } from './sample.model';

/** The holder's side of the MRZ data. */
export interface MrzHolder {
  surname: string;
  givenNames: string;
  nationality: string;
  dateOfBirth: string;
  sex: Sex | '<';
}

/** The document's side of the MRZ data. */
export interface MrzIssue {
  layout: MrzLayout;
  documentCode: string;
  issuingCountry: string;
  documentNumber: string;
  expiryDate: string;
  optionalData?: string;
  optionalData2?: string;
}

/** The input of `composeMrz` for a holder and their document; the only place the generator builds it. */
export function toMrzData(holder: MrzHolder, issue: MrzIssue): MrzDocumentData {
  return {
    format: issue.layout,
    documentCode: issue.documentCode,
    issuingCountry: issue.issuingCountry,
    surname: holder.surname,
    givenNames: holder.givenNames,
    documentNumber: issue.documentNumber,
    nationality: holder.nationality,
    dateOfBirth: holder.dateOfBirth,
    sex: holder.sex,
    expiryDate: issue.expiryDate,
    ...(issue.optionalData ? { optionalData: issue.optionalData } : {}),
    ...(issue.optionalData2 ? { optionalData2: issue.optionalData2 } : {}),
  };
}
