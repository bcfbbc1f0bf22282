import { parse } from 'mrz';
import { MrzLayout } from './ocr.types';

/** Check-digit verdict on a set of fitted MRZ lines. */
export interface MrzCheck {
  format: MrzLayout | null;
  /** Lines with the field-aware OCR corrections applied (a digit field holding `O` reads `0`, ...). */
  lines: string[];
  valid: boolean;
  passed: number;
  total: number;
  /** Raw YYMMDD dates and the document number, for scoring and cross-checks. */
  documentNumber: string | null;
  birthDate: string | null;
  expiryDate: string | null;
}

const LAYOUTS: Record<string, MrzLayout> = {
  TD1: 'TD1',
  TD2: 'TD2',
  TD3: 'TD3',
  MRVA: 'MRV-A',
  MRVB: 'MRV-B',
  FRENCH_NATIONAL_ID: 'FRENCH_NATIONAL_ID',
};

/**
 * Verifies the check digits of OCR'd lines. Only check digits count here: a specimen from the ICAO test
 * state UTO, or a nationality the parser does not know, is still a correct reading.
 * Field-aware correction is a rule (digits where the format wants digits), not a search over substitutions.
 */
// TODO(mrz): switch to parseMrz from @idv/mrz once that library exports it; this adapter is the only caller.
export function checkMrzLines(lines: string[]): MrzCheck {
  let result: ReturnType<typeof parse>;
  try {
    result = parse(lines, { autocorrect: true });
  } catch {
    return {
      format: null,
      lines,
      valid: false,
      passed: 0,
      total: 0,
      documentNumber: null,
      birthDate: null,
      expiryDate: null,
    };
  }
  const corrected = lines.map((l) => l.split(''));
  for (const d of result.details) {
    for (const c of d.autocorrect) if (corrected[c.line]) corrected[c.line][c.column] = c.corrected;
  }
  const checks = result.details.filter((d) => d.field?.endsWith('CheckDigit'));
  const passed = checks.filter((d) => d.valid).length;
  const f = result.fields;
  return {
    format: LAYOUTS[result.format] ?? null,
    lines: corrected.map((c) => c.join('')),
    valid: checks.length > 0 && passed === checks.length,
    passed,
    total: checks.length,
    documentNumber: f.documentNumber ?? null,
    birthDate: f.birthDate ?? null,
    expiryDate: f.expirationDate ?? null,
  };
}
