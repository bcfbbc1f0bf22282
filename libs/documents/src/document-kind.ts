/**
 * What the visual-zone text says the document is, when no MRZ could be read:
 * - `identity`: an identity document whose MRZ we failed to read (say what to change in the photo);
 * - `other`: the marks of something else, a payment or loyalty card (say which documents we accept);
 * - `unknown`: nothing telling (treated as unreadable).
 */
export type DocumentKind = 'identity' | 'other' | 'unknown';

/**
 * Words printed on identity documents. ICAO 9303 has every issuer print the English captions next to the
 * national ones, so the English list carries most of the weight; the titles cover pages without captions.
 */
const IDENTITY_WORDS = [
  /PASS?(PORT|EPORT|APORTE|APORTO|POORT)|REISEPASS|PASZPORT|PASSI\b/,
  /IDENTIT|IDENTIDAD|AUSWEIS|PERSONAL\s*NO/,
  /RESIDENCE|AUFENTHALT|S[EÉ]JOUR|RESIDENCIA/,
  /SURNAME|GIVEN\s*NAMES?|PR[EÉ]NOMS|APELLIDOS|VORNAMEN|NACHNAME/,
  /NATIONALIT|STAATSANGEH|NACIONALIDAD/,
  /DATE\s*OF\s*(BIRTH|EXPIRY|ISSUE)|GEBURTSDATUM|DATE\s*DE\s*NAISSANCE|PLACE\s*OF\s*BIRTH/,
  /护照|身份证|居留|签证|出生日期|国籍|姓名/,
];

/** Marks of the cards people most often send instead: payment and loyalty cards. */
const OTHER_WORDS = [
  // THRU alone: "VALID" in small caps is often misread, the word it stands before rarely.
  /VALID\s*(THRU|THROUGH|FROM)|THRU\b|EXPIRES\s*END|MONTH\s*\/\s*YEAR/,
  /\b(DEBIT|CR[EÉ]DIT|MEMBER(SHIP)?|LOYALTY|REWARDS?|GIFT\s*CARD|CARD\s*HOLDER|MASTERCARD|MAESTRO|AMERICAN\s*EXPRESS)\b/,
  // Issuers of payment cards print their name: banks and savings banks.
  /\b(BANK|BANCO|BANQUE|BANCA|SPARKASSE|SAVINGS)\b/,
];

/**
 * A primary account number: four groups of four, at least 15 of the 16 read as digits (embossed or printed
 * card digits, one misread as a letter: `L596 7647 2767 6659`).
 */
const ACCOUNT_NUMBER = /\b[0-9A-Z]{4}[ -]?[0-9A-Z]{4}[ -]?[0-9A-Z]{4}[ -]?[0-9A-Z]{4}\b/g;
const hasAccountNumber = (upper: string) =>
  [...upper.matchAll(ACCOUNT_NUMBER)].some((m) => m[0].replace(/[^0-9]/g, '').length >= 15);

/** Fillers in a run are the MRZ itself, seen by the visual-zone reader: an identity document. */
const MRZ_FILLERS = /<{2,}|\bP<[A-Z]{3}/;

/** Classifies a document from its visual-zone OCR text (see {@link DocumentKind}). */
export function documentKindFromText(text: string): DocumentKind {
  const upper = text.toUpperCase();
  if (MRZ_FILLERS.test(upper) || IDENTITY_WORDS.some((re) => re.test(upper))) return 'identity';
  // Only positive evidence makes a card `other`: an identity document read badly (turned, blurred) also
  // shows no identity words, and telling its holder to use another document would be wrong.
  return OTHER_WORDS.some((re) => re.test(upper)) || hasAccountNumber(upper) ? 'other' : 'unknown';
}
