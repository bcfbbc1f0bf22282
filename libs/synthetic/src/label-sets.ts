import { LabelLanguage } from './name-pools';

/** Captions printed next to the values in the visual zone. */
export type LabelKey =
  | 'type'
  | 'code'
  | 'documentNumber'
  | 'surname'
  | 'givenNames'
  | 'nationality'
  | 'dateOfBirth'
  | 'sex'
  | 'placeOfBirth'
  | 'dateOfIssue'
  | 'authority'
  | 'dateOfExpiry'
  | 'signature'
  | 'validFrom'
  | 'entries'
  | 'remarks';

export type TitleKey = 'passport' | 'id_card' | 'residence_permit' | 'visa';

type Labels = Readonly<Record<LabelKey, string>>;

const EN: Labels = {
  type: 'Type',
  code: 'Country code',
  documentNumber: 'Document No.',
  surname: 'Surname',
  givenNames: 'Given names',
  nationality: 'Nationality',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  placeOfBirth: 'Place of birth',
  dateOfIssue: 'Date of issue',
  authority: 'Authority',
  dateOfExpiry: 'Date of expiry',
  signature: "Holder's signature",
  validFrom: 'Valid from',
  entries: 'Number of entries',
  remarks: 'Remarks',
};

/** National labels; ICAO documents print them first and the English one after a slash. */
const NATIONAL: Readonly<Record<Exclude<LabelLanguage, 'en'>, Labels>> = {
  fr: {
    type: 'Type',
    code: 'Code du pays',
    documentNumber: 'N° du document',
    surname: 'Nom',
    givenNames: 'Prénoms',
    nationality: 'Nationalité',
    dateOfBirth: 'Date de naissance',
    sex: 'Sexe',
    placeOfBirth: 'Lieu de naissance',
    dateOfIssue: 'Date de délivrance',
    authority: 'Autorité',
    dateOfExpiry: "Date d'expiration",
    signature: 'Signature du titulaire',
    validFrom: 'Valable du',
    entries: "Nombre d'entrées",
    remarks: 'Remarques',
  },
  de: {
    type: 'Typ',
    code: 'Kode',
    documentNumber: 'Dokumentennummer',
    surname: 'Name',
    givenNames: 'Vornamen',
    nationality: 'Staatsangehörigkeit',
    dateOfBirth: 'Geburtstag',
    sex: 'Geschlecht',
    placeOfBirth: 'Geburtsort',
    dateOfIssue: 'Ausstellungsdatum',
    authority: 'Behörde',
    dateOfExpiry: 'Gültig bis',
    signature: 'Unterschrift',
    validFrom: 'Gültig ab',
    entries: 'Anzahl der Einreisen',
    remarks: 'Anmerkungen',
  },
  es: {
    type: 'Tipo',
    code: 'Código',
    documentNumber: 'N.º de documento',
    surname: 'Apellidos',
    givenNames: 'Nombre',
    nationality: 'Nacionalidad',
    dateOfBirth: 'Fecha de nacimiento',
    sex: 'Sexo',
    placeOfBirth: 'Lugar de nacimiento',
    dateOfIssue: 'Fecha de expedición',
    authority: 'Autoridad',
    dateOfExpiry: 'Fecha de caducidad',
    signature: 'Firma del titular',
    validFrom: 'Válido desde',
    entries: 'Número de entradas',
    remarks: 'Observaciones',
  },
  sv: {
    type: 'Typ',
    code: 'Landskod',
    documentNumber: 'Nummer',
    surname: 'Efternamn',
    givenNames: 'Förnamn',
    nationality: 'Nationalitet',
    dateOfBirth: 'Födelsedatum',
    sex: 'Kön',
    placeOfBirth: 'Födelseort',
    dateOfIssue: 'Utfärdandedatum',
    authority: 'Myndighet',
    dateOfExpiry: 'Giltig t.o.m.',
    signature: 'Innehavarens namnteckning',
    validFrom: 'Giltig fr.o.m.',
    entries: 'Antal inresor',
    remarks: 'Anmärkningar',
  },
  pl: {
    type: 'Typ',
    code: 'Kod państwa',
    documentNumber: 'Nr dokumentu',
    surname: 'Nazwisko',
    givenNames: 'Imiona',
    nationality: 'Obywatelstwo',
    dateOfBirth: 'Data urodzenia',
    sex: 'Płeć',
    placeOfBirth: 'Miejsce urodzenia',
    dateOfIssue: 'Data wydania',
    authority: 'Organ wydający',
    dateOfExpiry: 'Data ważności',
    signature: 'Podpis posiadacza',
    validFrom: 'Ważna od',
    entries: 'Liczba wjazdów',
    remarks: 'Uwagi',
  },
  it: {
    type: 'Tipo',
    code: 'Codice paese',
    documentNumber: 'N. documento',
    surname: 'Cognome',
    givenNames: 'Nome',
    nationality: 'Cittadinanza',
    dateOfBirth: 'Data di nascita',
    sex: 'Sesso',
    placeOfBirth: 'Luogo di nascita',
    dateOfIssue: 'Data di rilascio',
    authority: 'Autorità',
    dateOfExpiry: 'Data di scadenza',
    signature: 'Firma del titolare',
    validFrom: 'Valido dal',
    entries: 'Numero di ingressi',
    remarks: 'Annotazioni',
  },
  pt: {
    type: 'Tipo',
    code: 'Código do país',
    documentNumber: 'N.º do documento',
    surname: 'Apelido',
    givenNames: 'Nome próprio',
    nationality: 'Nacionalidade',
    dateOfBirth: 'Data de nascimento',
    sex: 'Sexo',
    placeOfBirth: 'Local de nascimento',
    dateOfIssue: 'Data de emissão',
    authority: 'Autoridade',
    dateOfExpiry: 'Válido até',
    signature: 'Assinatura do titular',
    validFrom: 'Válido desde',
    entries: 'Número de entradas',
    remarks: 'Observações',
  },
  nl: {
    type: 'Soort',
    code: 'Code',
    documentNumber: 'Documentnummer',
    surname: 'Naam',
    givenNames: 'Voornamen',
    nationality: 'Nationaliteit',
    dateOfBirth: 'Geboortedatum',
    sex: 'Geslacht',
    placeOfBirth: 'Geboorteplaats',
    dateOfIssue: 'Datum van afgifte',
    authority: 'Autoriteit',
    dateOfExpiry: 'Geldig tot',
    signature: 'Handtekening houder',
    validFrom: 'Geldig vanaf',
    entries: 'Aantal binnenkomsten',
    remarks: 'Opmerkingen',
  },
  da: {
    type: 'Type',
    code: 'Landekode',
    documentNumber: 'Nummer',
    surname: 'Efternavn',
    givenNames: 'Fornavne',
    nationality: 'Nationalitet',
    dateOfBirth: 'Fødselsdato',
    sex: 'Køn',
    placeOfBirth: 'Fødested',
    dateOfIssue: 'Udstedelsesdato',
    authority: 'Myndighed',
    dateOfExpiry: 'Udløbsdato',
    signature: 'Indehaverens underskrift',
    validFrom: 'Gyldig fra',
    entries: 'Antal indrejser',
    remarks: 'Bemærkninger',
  },
  cs: {
    type: 'Typ',
    code: 'Kód státu',
    documentNumber: 'Číslo dokladu',
    surname: 'Příjmení',
    givenNames: 'Jméno',
    nationality: 'Státní občanství',
    dateOfBirth: 'Datum narození',
    sex: 'Pohlaví',
    placeOfBirth: 'Místo narození',
    dateOfIssue: 'Datum vydání',
    authority: 'Úřad',
    dateOfExpiry: 'Platnost do',
    signature: 'Podpis držitele',
    validFrom: 'Platné od',
    entries: 'Počet vstupů',
    remarks: 'Poznámky',
  },
  tr: {
    type: 'Tipi',
    code: 'Ülke kodu',
    documentNumber: 'Belge No',
    surname: 'Soyadı',
    givenNames: 'Adı',
    nationality: 'Uyruğu',
    dateOfBirth: 'Doğum tarihi',
    sex: 'Cinsiyeti',
    placeOfBirth: 'Doğum yeri',
    dateOfIssue: 'Veriliş tarihi',
    authority: 'Makam',
    dateOfExpiry: 'Geçerlilik tarihi',
    signature: 'Hamilin imzası',
    validFrom: 'Geçerlilik başlangıcı',
    entries: 'Giriş sayısı',
    remarks: 'Açıklamalar',
  },
};

const TITLES: Readonly<Record<LabelLanguage, Readonly<Record<TitleKey, string>>>> = {
  en: { passport: 'PASSPORT', id_card: 'IDENTITY CARD', residence_permit: 'RESIDENCE PERMIT', visa: 'VISA' },
  fr: {
    passport: 'PASSEPORT',
    id_card: "CARTE D'IDENTITÉ",
    residence_permit: 'TITRE DE SÉJOUR',
    visa: 'VISA',
  },
  de: {
    passport: 'REISEPASS',
    id_card: 'PERSONALAUSWEIS',
    residence_permit: 'AUFENTHALTSTITEL',
    visa: 'VISUM',
  },
  es: {
    passport: 'PASAPORTE',
    id_card: 'DOCUMENTO NACIONAL DE IDENTIDAD',
    residence_permit: 'PERMISO DE RESIDENCIA',
    visa: 'VISADO',
  },
  sv: {
    passport: 'PASS',
    id_card: 'IDENTITETSKORT',
    residence_permit: 'UPPEHÅLLSTILLSTÅND',
    visa: 'VISERING',
  },
  pl: { passport: 'PASZPORT', id_card: 'DOWÓD OSOBISTY', residence_permit: 'KARTA POBYTU', visa: 'WIZA' },
  it: {
    passport: 'PASSAPORTO',
    id_card: "CARTA D'IDENTITÀ",
    residence_permit: 'PERMESSO DI SOGGIORNO',
    visa: 'VISTO',
  },
  pt: {
    passport: 'PASSAPORTE',
    id_card: 'CARTÃO DE CIDADÃO',
    residence_permit: 'AUTORIZAÇÃO DE RESIDÊNCIA',
    visa: 'VISTO',
  },
  nl: {
    passport: 'PASPOORT',
    id_card: 'IDENTITEITSKAART',
    residence_permit: 'VERBLIJFSDOCUMENT',
    visa: 'VISUM',
  },
  da: { passport: 'PAS', id_card: 'IDENTITETSKORT', residence_permit: 'OPHOLDSTILLADELSE', visa: 'VISUM' },
  cs: {
    passport: 'CESTOVNÍ PAS',
    id_card: 'OBČANSKÝ PRŮKAZ',
    residence_permit: 'POVOLENÍ K POBYTU',
    visa: 'VÍZUM',
  },
  tr: { passport: 'PASAPORT', id_card: 'KİMLİK KARTI', residence_permit: 'İKAMET İZNİ', visa: 'VİZE' },
};

/** Month abbreviations for dates like `12 AUG/AOÛT 74`. */
const MONTHS: Readonly<Partial<Record<LabelLanguage, readonly string[]>>> = {
  en: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'],
  fr: ['JAN', 'FÉV', 'MARS', 'AVR', 'MAI', 'JUIN', 'JUIL', 'AOÛT', 'SEPT', 'OCT', 'NOV', 'DÉC'],
  de: ['JAN', 'FEB', 'MÄR', 'APR', 'MAI', 'JUN', 'JUL', 'AUG', 'SEP', 'OKT', 'NOV', 'DEZ'],
  es: ['ENE', 'FEB', 'MAR', 'ABR', 'MAY', 'JUN', 'JUL', 'AGO', 'SEP', 'OCT', 'NOV', 'DIC'],
};

/** How a label is written: the national caption, then the English one unless the language is English. */
export function label(key: LabelKey, language: LabelLanguage): string {
  if (language === 'en') return EN[key];
  return `${NATIONAL[language][key]} / ${EN[key]}`;
}

export function title(key: TitleKey, language: LabelLanguage): { national: string; english: string } {
  return { national: TITLES[language][key], english: TITLES.en[key] };
}

export type DateStyle = 'dots' | 'spaces' | 'iso' | 'month' | 'bilingual-month';

/** Formats an ISO date the way the visual zone of a document in `language` might print it. */
export function formatVisualDate(iso: string, style: DateStyle, language: LabelLanguage): string {
  const [y, m, d] = iso.split('-');
  const month = Number(m) - 1;
  switch (style) {
    case 'dots':
      return `${d}.${m}.${y}`;
    case 'spaces':
      return `${d} ${m} ${y}`;
    case 'iso':
      return `${y}-${m}-${d}`;
    case 'month':
      return `${d} ${MONTHS.en![month]} ${y}`;
    case 'bilingual-month': {
      // Languages without a month table print the English abbreviation alone.
      const en = MONTHS.en![month];
      const other = (MONTHS[language] ?? MONTHS.en!)[month];
      return other === en ? `${d} ${en} ${y.slice(2)}` : `${d} ${other}/${en} ${y.slice(2)}`;
    }
  }
}
