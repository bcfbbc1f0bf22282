import { composeMrz, parseMrz } from '@idv/mrz';
import { mrzFieldEvidence, nameLineFitted } from './mrz.fields';

const today = new Date('2026-11-01T12:00:00Z');
const base = {
  format: 'TD3' as const,
  documentCode: 'P',
  issuingCountry: 'DEU',
  surname: 'JAEGER',
  givenNames: 'GUENTER',
  documentNumber: 'GZ0207286',
  nationality: 'DEU',
  dateOfBirth: '1986-08-01',
  sex: 'M' as const,
  expiryDate: '2032-05-19',
};
const lines = composeMrz(base);

describe('mrzFieldEvidence', () => {
  it('takes the names of a well-formed name line as read', () => {
    const fields = mrzFieldEvidence(parseMrz(lines, { today }), 'front', 0.9);
    expect(fields.surname).toMatchObject({ value: 'JAEGER' });
    expect(fields.surname?.doubtful).toBeUndefined();
  });

  it('doubts the names of a line read shifted by a mark beside the zone (issuing state <DE, surname UJAEGER)', () => {
    const shifted = ['V' + lines[0].slice(0, 43), lines[1]];
    const fields = mrzFieldEvidence(parseMrz(shifted, { today }), 'front', 0.9);
    expect(fields.surname).toMatchObject({ value: 'UJAEGER', doubtful: true });
    expect(fields.givenNames).toMatchObject({ doubtful: true });
  });

  it('doubts names read with no `<<` between any of them (the separator read as one filler)', () => {
    const merged = [lines[0].replace('JAEGER<<GUENTER', 'JAEGER<GUENTER<'), lines[1]];
    const fields = mrzFieldEvidence(parseMrz(merged, { today }), 'front', 0.9);
    expect(fields.surname).toMatchObject({ value: 'JAEGER GUENTER', doubtful: true });
    expect(fields.givenNames).toMatchObject({ value: '', doubtful: true });
    // A holder with one name only is read as it stands.
    const single = [lines[0].replace('JAEGER<<GUENTER', 'JAEGER<<<<<<<<'), lines[1]];
    expect(mrzFieldEvidence(parseMrz(single, { today }), 'front', 0.9).surname?.doubtful).toBeUndefined();
  });

  it('doubts the names of a name line fitted to the layout, unless the second recogniser read it alike', () => {
    // GOTZ<<JURGEN read GT<<URGEN: three characters dropped, three fillers put back at the end.
    const passport = composeMrz({ ...base, surname: 'GOTZ', givenNames: 'JURGEN KLAUS' });
    const fitted = ['P<DEUGT<<URGEN<KLAUS<<<<<<<<<<<<<<<<<<<<<<<<', passport[1]];
    const parse = parseMrz(fitted, { today });
    const zone = (raw: string[]) => ({ band: null as never, flip: false, raw, lines: fitted, exact: false });
    const short = zone([fitted[0].slice(0, 41), fitted[1]]);
    expect(nameLineFitted(parse, { zone: short })).toBe(true);
    expect(nameLineFitted(parse, { zone: short, corroborated: [true, true] })).toBe(false);
    expect(nameLineFitted(parse, { zone: zone(fitted) })).toBe(false);
    const fields = mrzFieldEvidence(parse, 'front', 0.9, { nameLineFitted: true });
    expect(fields.surname).toMatchObject({ value: 'GT', doubtful: true });
    expect(mrzFieldEvidence(parse, 'front', 0.9).surname?.doubtful).toBeUndefined();
  });

  it('doubts a document number with a G or an S among its digits, which its check digit cannot tell from 6 or 8', () => {
    // A number whose check digit verifies with the G where a 6 may be printed (G and 6 weigh alike).
    const read = composeMrz({ ...base, documentNumber: 'X061416G9' });
    const parse = parseMrz(read, { today });
    expect(parse.valid).toBe(true);
    expect(mrzFieldEvidence(parse, 'front', 0.9).documentNumber).toMatchObject({
      value: 'X061416G9',
      doubtful: true,
    });
    // A run of them too (a 6 read twice as G).
    const twice = parseMrz(composeMrz({ ...base, documentNumber: 'X0614GG69' }), { today });
    expect(mrzFieldEvidence(twice, 'front', 0.9).documentNumber?.doubtful).toBe(true);
    expect(
      mrzFieldEvidence(parseMrz(lines, { today }), 'front', 0.9).documentNumber?.doubtful,
    ).toBeUndefined();
  });
});
