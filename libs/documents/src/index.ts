/**
 * Reading identity documents, one reader per document family, each producing the same evidence model
 * (`@idv/verdict`'s `DocumentEvidence`: fields with where each was read and how sure, and the document's own
 * integrity checks), so that the verdict never depends on which family a document belongs to.
 *
 * - {@link DocumentReader}: the interface of a family's reader; {@link DocumentReaders} tries them in turn.
 * - {@link MrzDocumentReader}: ICAO 9303 travel documents (passports, ID cards, residence permits, visas).
 * - {@link compareEvidence}: the evidence against the registration record, whatever the family.
 */
export type { DocumentRead, DocumentReader, DocumentSide, ReadContext } from './document.reader';
export { DocumentReaders } from './document.readers';
export type { DocumentReadersOptions } from './document.readers';
export { compareEvidence, certainRead } from './record.comparison';
export { declaredType, typesConsistent } from './document-type';
export { documentKindFromText } from './document-kind';
export type { DocumentKind } from './document-kind';
export { MrzDocumentReader } from './mrz/mrz-document.reader';
export type { MrzDocumentReaderOptions, SecondReadingView, VisualZoneView } from './mrz/mrz-document.reader';
export { typeFromDocumentCode } from './mrz/mrz-document-type';
export { ResidentIdReader } from './resident-id/resident-id.reader';
export type { IdNumberView } from './resident-id/resident-id.reader';
export { HkidReader } from './hkid/hkid.reader';
