import { formatMrzName, formatMrzText, transliterate, transliterationVariants } from '@idv/mrz';
import { loadMrzVectors, eachCorpusRow } from './mrz-corpus.fixture';

describe('transliterate', () => {
  it.each([
    ['Müller', 'MUELLER'],
    ['Ångström', 'AANGSTROEM'],
    ['Strauß', 'STRAUSS'],
    ['Ærø', 'AEROE'],
    ['Þór', 'THOR'],
    ['Peña', 'PENA'],
    ['Œuvre', 'OEUVRE'],
    ['Łódź', 'LODZ'],
    ['José-María', 'JOSE MARIA'],
    ["O'Brien", 'OBRIEN'],
    ['Ĳsselmeer', 'IJSSELMEER'],
    ['Čapek', 'CAPEK'],
    ['Горбачёв', 'GORBACHEV'],
    ['Щукин', 'SHCHUKIN'],
    ['Юлия', 'IULIIA'],
    ['محمود', 'MXHMWD'],
    ['Παπαδόπουλος', 'PAPADOPOULOS'],
  ])('%s → %s', (input, expected) => {
    expect(transliterate(input)).toBe(expected);
  });

  it('decomposed input gives the same result as precomposed', () => {
    expect(transliterate('Mu\u0308ller')).toBe('MUELLER');
  });

  it('uses the national tables when asked', () => {
    expect(transliterate('Милица', { scheme: 'serbian' })).toBe('MILICA');
    expect(transliterate('Милица')).toBe('MILITSA');
    expect(transliterate('Ярослав Григорович', { scheme: 'ukrainian' })).toBe('YAROSLAV HRYHOROVYCH');
    expect(transliterate("Мар'яна", { scheme: 'ukrainian' })).toBe('MARIANA');
  });
});

describe('transliterationVariants', () => {
  it('lists the ICAO form first and the plain-letter form', () => {
    const variants = transliterationVariants('MÜLLER');
    expect(variants[0]).toBe('MUELLER');
    expect(variants).toContain('MULLER');
    expect(new Set(variants).size).toBe(variants.length);
  });

  it('offers the Serbian reading of Cyrillic', () => {
    expect(transliterationVariants('Милица')).toEqual(expect.arrayContaining(['MILITSA', 'MILICA']));
  });

  it('has one spelling for plain ASCII', () => {
    expect(transliterationVariants('Smith')).toEqual(['SMITH']);
  });
});

describe('corpus name_vectors', () => {
  const vectors = loadMrzVectors()?.name_vectors ?? [];
  eachCorpusRow(vectors.map((v) => [JSON.stringify(v.input), v.length, v] as const))(
    '%s in %i',
    (_i, _l, v) => {
      const actual =
        typeof v.input === 'string'
          ? formatMrzText(v.input, v.length)
          : formatMrzName(v.input.surname, v.input.given_names, v.length);
      expect(actual).toBe(v.expected);
    },
  );
});

describe('formatMrzName', () => {
  it('pads a short name and writes a surname alone', () => {
    expect(formatMrzName('Eriksson', 'Anna Maria', 30)).toBe('ERIKSSON<<ANNA<MARIA<<<<<<<<<<');
    expect(formatMrzName('Test', '', 12)).toBe('TEST<<<<<<<<');
  });

  it('cuts at the width when even initials do not fit', () => {
    const name = formatMrzName('Abcdefghij Klmnopqrst', 'Uvw', 8);
    expect(name).toHaveLength(8);
  });
});
