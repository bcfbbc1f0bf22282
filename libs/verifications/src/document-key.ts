import { createHmac } from 'node:crypto';

/**
 * A keyed hash of issuing country + document number: lets the service find the same document verified for
 * another applicant without indexing the number itself, and without a dictionary attack on the hash.
 */
export function documentKey(
  secret: string,
  source: { issuingCountry: string; documentNumber: string },
): string {
  const number = source.documentNumber.toUpperCase().replace(/[^A-Z0-9]/g, '');
  return createHmac('sha256', `document-key:${secret}`)
    .update(`${source.issuingCountry.toUpperCase()}:${number}`)
    .digest('hex');
}
