/**
 * MRZ nationality codes that are not the ISO 3166-1 alpha-3 code of the same state (ICAO 9303
 * Part 3 §5): Germany's historical `D`, the British nationality classes, Kosovo's `RKS`, and codes
 * ISO has since replaced.
 */
const ICAO_TO_ISO: Readonly<Record<string, string>> = {
  D: 'DEU',
  GBD: 'GBR',
  GBN: 'GBR',
  GBO: 'GBR',
  GBP: 'GBR',
  GBS: 'GBR',
  RKS: 'XKX',
  ROM: 'ROU',
  ZAR: 'COD',
  TMP: 'TLS',
};

/** A nationality code as ISO alpha-3: fillers and spaces removed, upper case, ICAO aliases mapped. */
export function toIsoNationality(code: string): string {
  const cleaned = code.replace(/[<\s]/g, '').toUpperCase();
  return ICAO_TO_ISO[cleaned] ?? cleaned;
}
