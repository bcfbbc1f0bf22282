import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareRecord, comparisonStatuses, toIsoNationality } from '@idv/matching';
import { parseMrz } from '@idv/mrz';
import { corpusDir } from '@idv/testing';

interface Specimen {
  file: string;
  mrz_format: string;
  expected_errors?: string[];
  ground_truth: {
    mrz_lines?: string[];
    surname?: string;
    given_names?: string;
    document_number?: string;
    nationality?: string;
    birth_date?: string;
  };
}

const dir = corpusDir();
const ICAO_FORMATS = new Set(['TD1', 'TD2', 'TD3', 'MRV-A', 'MRV-B']);
const specimens: Specimen[] = dir
  ? (JSON.parse(readFileSync(join(dir, 'specimens', 'manifest.json'), 'utf8')) as Specimen[]).filter(
      (s) =>
        ICAO_FORMATS.has(s.mrz_format) &&
        s.ground_truth.mrz_lines &&
        s.ground_truth.surname &&
        // A name line that breaks ICAO (Ñ printed, one filler between surname and given names) cannot be split.
        !(s.expected_errors ?? []).some((e) => /non-MRZ character|single </.test(e)),
    )
  : [];

/** How the holders of some specimens would type their own names when registering in a wallet app. */
const NATIVE_SPELLINGS: Record<string, [surname: string, givenNames: string]> = {
  'isl-passport-pe.png': ['Ævarsdóttir', 'Þuríður Ösp'],
  'est-passport-ijs.jpg': ['Männik', 'Mari-Liis'],
  'ltu-idcard-arg.png': ['Basanavičienė', 'Birutė'],
  'lva-idcard-arg.png': ['Paraudziņš', 'Andris'],
  'hun-passport-pe.png': ['Handra', 'Rozália Irma'],
  'prt-residence-arg.png': ['Garção de Magalhães', 'Inês'],
  'pol-passport-pe.jpg': ['Kowalska-Kwiatkowska', 'Joanna'],
  'lie-idcard-arg.png': ['Ospelt-Beck', 'Marisa'],
  'deu-idcard-pe.jpg': ['Mustermann', 'Erika'],
};

const describeCorpus = specimens.length > 0 ? describe : describe.skip;

describeCorpus('compareRecord on the MRZ of real specimens (parsed with @idv/mrz)', () => {
  const today = new Date('2025-06-01T00:00:00Z');

  it.each(specimens.map((s) => [s.file, s] as const))('%s: the holder’s record matches', (_, specimen) => {
    const truth = specimen.ground_truth;
    const parsed = parseMrz(truth.mrz_lines!, { today });
    const native = NATIVE_SPELLINGS[specimen.file];
    const report = compareRecord(
      {
        surname: native?.[0] ?? truth.surname!,
        givenNames: native?.[1] ?? truth.given_names ?? '',
        dateOfBirth: truth.birth_date!,
        nationality: toIsoNationality(truth.nationality!),
        documentNumber: truth.document_number,
      },
      { ...parsed.fields, format: parsed.format },
    );
    const statuses = comparisonStatuses(report);
    // The parser guesses the birth century from two digits; only that guess may differ, as a near miss.
    if (statuses.dateOfBirth !== 'match')
      expect(report.dateOfBirth).toMatchObject({ near: true, basis: 'century' });
    expect({ ...statuses, dateOfBirth: undefined }).toEqual({
      surname: 'match',
      givenNames: 'match',
      dateOfBirth: undefined,
      nationality: 'match',
      documentNumber: 'match',
    });
  });

  it('covers the native spellings it claims to', () => {
    const files = new Set(specimens.map((s) => s.file));
    expect(Object.keys(NATIVE_SPELLINGS).filter((f) => !files.has(f))).toEqual([]);
  });
});
