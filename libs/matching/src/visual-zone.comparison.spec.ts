import { compareVisualZone, VisualZoneFields } from '@idv/matching';
import { printedSpellings } from './name.spellings';

/** The visual zone of the ICAO 9303 specimen passport (Utopia, Anna Maria Eriksson), as OCR returns it. */
const SPECIMEN_VIZ = `PASSPORT  PASSEPORT  UTOPIA
Type/Type P  Code/Code UTO  Passport No./No. de passeport L898902C3
Surname/Nom ERIKSSON
Given names/Prénoms ANNA MARIA
Nationality/Nationalité UTOPIAN
Date of birth/Date de naissance 12 AUG/AOÛT 74
Sex/Sexe F  Place of birth/Lieu de naissance ZENITH
Date of issue/Date de délivrance 16 APR/AVR 07
Date of expiry/Date d'expiration 15 APR/AVR 12`;

const MRZ: VisualZoneFields = {
  surname: 'ERIKSSON',
  givenNames: 'ANNA MARIA',
  dateOfBirth: '1974-08-12',
  expiryDate: '2012-04-15',
  documentNumber: 'L898902C3',
};

const statuses = (mrz: VisualZoneFields, text: string) =>
  Object.fromEntries(Object.entries(compareVisualZone(mrz, text).fields).map(([k, v]) => [k, v.status]));

describe('compareVisualZone', () => {
  it('finds every MRZ value in a consistent visual zone', () => {
    const report = compareVisualZone(MRZ, SPECIMEN_VIZ);
    expect(report.consistent).toBe(true);
    expect(report.agreements.sort()).toEqual([
      'dateOfBirth',
      'documentNumber',
      'expiryDate',
      'givenNames',
      'surname',
    ]);
    expect(report.fields.dateOfBirth!.found).toBe('12 AUG AOUT 74');
  });

  it('finds an MRZ name printed with diacritics, read by OCR with or without their marks', () => {
    // MÄKINEN, SCHRÖDER, GONÇALVES, HÄMÄLÄINEN, ÅSTRÖM: the MRZ holds ICAO's spellings; the English model reads
    // the printed letters without their marks (MAKINEN), or keeps one it knows.
    for (const [mrz, printed] of [
      ['MAEKINEN', 'Surname\nMAKINEN'],
      ['MAEKINEN', 'Surname\nMÄKINEN'],
      ['SCHROEDER', '1. Name / Surname\nSCHRODER'],
      ['GONCALVES', 'Apelido / Surname\nGONÇALVES'],
      ['HAEMAELAEINEN', 'HAMALAINEN'],
      ['AASTROEM', 'ASTROM'],
    ]) {
      expect([mrz, statuses({ surname: mrz }, printed).surname]).toEqual([mrz, 'agree']);
    }
    // Another name is no spelling of it.
    expect(statuses({ surname: 'MAEKINEN' }, 'MAKNIEN').surname).not.toBe('agree');
  });

  it('lists the printed spellings of an ICAO digraph either way', () => {
    expect(printedSpellings('SCHROEDER').sort()).toEqual(['SCHRODER', 'SCHROEDER']);
    expect(printedSpellings('HAEMAELAEINEN')).toContain('HAMALAINEN');
    expect(printedSpellings('SMITH')).toEqual(['SMITH']);
    // Icelandic Þ, TH in the MRZ, read P on the page: a holdout card printing ÞÓRSDÓTTIR, its page read PORSDOTTIR.
    expect(printedSpellings('THORSDOTTIR').sort()).toEqual(['PORSDOTTIR', 'THORSDOTTIR']);
  });

  it('reads the date layouts documents print', () => {
    for (const printed of [
      '12.08.1974',
      '1974-08-12',
      '12 AUG 1974',
      '12AUG74',
      '1974年8月12日',
      '12 août 1974',
      '12/08/1974',
    ]) {
      expect([
        printed,
        statuses({ dateOfBirth: '1974-08-12' }, `Date of birth ${printed}`).dateOfBirth,
      ]).toEqual([printed, 'agree']);
    }
  });

  it('flags a birth date the visual zone contradicts (an altered MRZ)', () => {
    const report = compareVisualZone({ ...MRZ, dateOfBirth: '1980-08-12' }, SPECIMEN_VIZ);
    expect(report.consistent).toBe(false);
    expect(report.disagreements).toEqual(['dateOfBirth']);
    expect(report.fields.dateOfBirth).toMatchObject({ status: 'disagree', found: '12 AUG AOUT 74' });
  });

  it('flags an expiry the visual zone extends beyond the MRZ', () => {
    const text = SPECIMEN_VIZ.replace('15 APR/AVR 12', '15 OCT/OCT 17');
    expect(compareVisualZone(MRZ, text).disagreements).toEqual(['expiryDate']);
  });

  it('treats one OCR slip as near, not as a disagreement', () => {
    const text = SPECIMEN_VIZ.replace('ERIKSSON', 'ERIKSS0N')
      .replace('12 AUG/AOÛT 74', '12 AUG/AOÛT 75')
      .replace('L898902C3', 'L8989O2C3');
    expect(statuses(MRZ, text)).toEqual({
      surname: 'near',
      givenNames: 'agree',
      dateOfBirth: 'near',
      expiryDate: 'agree',
      documentNumber: 'near',
    });
  });

  it("finds a document number whose S the page's OCR read as $", () => {
    expect(statuses({ documentNumber: 'XS1234567' }, 'PASSPORT X$1234567').documentNumber).toBe('agree');
    expect(statuses({ documentNumber: 'XS1234567' }, 'PASSPORT X1234567').documentNumber).toBe('not_found');
  });

  it('never calls what OCR missed a disagreement', () => {
    const report = compareVisualZone(MRZ, 'PASSPORT UTOPIA');
    expect(report.consistent).toBe(true);
    expect(report.agreements).toEqual([]);
    expect(Object.values(report.fields).map((f) => f.status)).toEqual(Array(5).fill('not_found'));
  });

  it('finds names the visual zone prints with diacritics', () => {
    expect(statuses({ surname: 'MUELLER', givenNames: 'JOSE' }, 'Name MÜLLER, José')).toEqual({
      surname: 'agree',
      givenNames: 'agree',
    });
    expect(statuses({ surname: 'MULLER' }, 'MÜLLER').surname).toBe('agree');
  });

  it('accepts a truncated MRZ given name printed in full', () => {
    expect(statuses({ givenNames: 'CHAYAPA DEJ K' }, 'CHAYAPA DEJTHAMRONG KRASUANG').givenNames).toBe(
      'agree',
    );
    expect(
      statuses({ givenNames: 'CHAYAPA DEJTHAMRONG KRA' }, 'CHAYAPA DEJTHAMRONG KRASUANG').givenNames,
    ).toBe('agree');
    expect(statuses({ givenNames: 'CHAYAPA DEJ K' }, 'CHAYAPA SOMCHAI KRASUANG').givenNames).toBe(
      'not_found',
    );
  });
});
