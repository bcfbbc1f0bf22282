/**
 * Deterministic synthetic identity documents with controlled defects, for tests and benchmarks.
 *
 * Invented applicants (diacritics, Chinese names, names too long for the MRZ) get passports (TD3), ID cards
 * (TD1 front and back, TD2), residence permits and visas (MRV-A/B) rendered at about 300 dpi with varied designs,
 * their MRZ composed by `@idv/mrz`. Scenarios add image defects (blur, glare, darkness, overexposure, low
 * resolution, JPEG, rotation, cropping, a photo on a desk) or data faults (a record that differs, an expired
 * document, a tampered MRZ, a card that is no identity document), each with the verdict a correct service gives.
 * Same seed and options, same bytes.
 */
export {
  generateCase,
  describeCase,
  caseSeed,
  DEFAULT_TODAY,
  DEFAULT_DOCUMENT_TYPE_WEIGHTS,
} from './case.generator';
export type { GenerateCaseOptions, GeneratedCase, IdentityDocumentType } from './case.generator';
export { generateSamples, writeSamples } from './samples.writer';
export type { CaseSetManifest, GenerateSamplesOptions, WriteSamplesOptions } from './samples.writer';
export { DEFAULT_SCENARIO_WEIGHTS } from './scenario.planner';
export { applyDefect, applyDefects } from './defects/defect.pipeline';
export { decodeImage, encodeImage } from './defects/document-image';
export type { DocumentImage } from './defects/document-image';
export { Rng, hashString } from './prng';
export { SyntheticError, SyntheticErrorCode } from './synthetic.error';
export { assertFonts, missingFonts } from './font.check';
export { MRZ_FONT_FAMILIES, PAGE_FONT_FAMILIES, requiredDocumentFonts } from './document-fonts';
export type { MrzFontFamily } from './document-fonts';
export type { RequiredFont } from './font.check';
export type {
  ApplicantRecord,
  Box,
  CaseDefect,
  CaseImages,
  ComparedField,
  CropEdge,
  Defect,
  DocumentType,
  GlareRegion,
  GroundTruth,
  MrzLayout,
  Regions,
  SampleCase,
  SampleFormat,
  ScenarioKind,
  Sex,
  StyleSet,
  Verdict,
} from './sample.model';
export { generateCardCase, DEFAULT_CARD_KIND_WEIGHTS } from './cards/card.generator';
export type { GenerateCardCaseOptions } from './cards/card.generator';
export { DEFAULT_CARD_SCENARIO_WEIGHTS } from './cards/card-scenarios';
export { CARD_KINDS, CARD_DOCUMENT_TYPE, CARD_FORMAT } from './cards/card.model';
export type {
  CardApplicantRecord,
  CardCase,
  CardComparedField,
  CardField,
  CardFieldTruth,
  CardFormat,
  CardGroundTruth,
  CardKind,
  CardScenario,
  CardStyleSet,
  GeneratedCardCase,
} from './cards/card.model';
