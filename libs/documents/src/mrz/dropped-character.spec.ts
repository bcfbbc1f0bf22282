import { parseMrz } from '@idv/mrz';
import { droppedCharacterOnPage } from './dropped-character';

const today = new Date('2026-12-01T12:00:00Z');

/** A generated Finnish card (TD1): its number `LV83L6818`, read with the `3` dropped and a filler put back. */
const card = {
  lines: [
    'I<FINLV83L68185<<<<<<<<<<<<<<<',
    '6203124F3103108FIN<<<<<<<<<<<4',
    'HAMALAINEN<<PAIVI<<<<<<<<<<<<<',
  ],
  page: 'FINLAND\nHAMALAINEN\nPAIVI\nF FIN 1962-03-12\nLV83L6818 2031-03-10\n10. Nummer Document No',
};
const dropThe3 = (line: string) => line.replace('LV83', 'LV8');
const fitted = (lines: string[]) => lines.map((l) => l.padEnd(30, '<'));

/** A generated Czech passport (TD3): the `C` of its nationality `CZE` dropped, the 5 after it read as S. */
const passport = {
  lines: ['P<CZEKRIZ<<LUBOS<<<<<<<<<<<<<<<<<<<<<<<<<<<<', 'CG33284019CZE5611218M3107302<<<<<<<<<<<<<<06'],
  raw: ['P<CZEKRIZ<<LUBOS<<<<<<<<<<<<<<<<<<<<<<<<<<<<', 'CG33284019ZE5611218M3107302<<<<<<<<<<<<<<06'],
  fitted: ['P<CZEKRIZ<<LUBOS<<<<<<<<<<<<<<<<<<<<<<<<<<<<', 'CG33284019ZES611218M3107302<<<<<<<<<<<<<<<06'],
  page: 'CZECH REPUBLIC\nCode State P CZE\nKRIZ\nLUBOS\nNationality/Citizenship\nCZE\nBorn 21 NOV 56\n',
};

describe('droppedCharacterOnPage', () => {
  it("puts back a number's dropped character that the page prints: every check digit verifies", () => {
    const raw = [dropThe3(card.lines[0]), card.lines[1], card.lines[2]];
    const parse = parseMrz(fitted(raw), { today });
    expect(parse.valid).toBe(false);
    const filled = droppedCharacterOnPage(parse, raw, card.page, today);
    expect(filled?.correction).toEqual({ line: 0, column: 8, from: '', to: '3' });
    expect(filled?.field).toBe('documentNumber');
    expect(filled?.parse.valid).toBe(true);
    expect(filled?.parse.lines).toEqual(card.lines);
  });

  it('puts back a letter of the nationality the page prints as a code; a filling leaving no country is none', () => {
    const parse = parseMrz(passport.fitted, { today });
    expect(parse.valid).toBe(false);
    const filled = droppedCharacterOnPage(parse, passport.raw, passport.page, today);
    expect(filled?.correction).toEqual({ line: 1, column: 10, from: '', to: 'C' });
    expect(filled?.parse.fields).toMatchObject({ nationality: 'CZE', dateOfBirth: '1956-11-21' });
  });

  it('fills nothing the page does not show, nor a line read at its length', () => {
    const raw = [dropThe3(card.lines[0]), card.lines[1], card.lines[2]];
    const parse = parseMrz(fitted(raw), { today });
    expect(droppedCharacterOnPage(parse, raw, 'FINLAND\nHAMALAINEN\nPAIVI', today)).toBeNull();
    expect(droppedCharacterOnPage(parse, fitted(raw), card.page, today)).toBeNull();
  });

  it('fills nothing where the page shows two fillings that verify', () => {
    const raw = [dropThe3(card.lines[0]), card.lines[1], card.lines[2]];
    const parse = parseMrz(fitted(raw), { today });
    // Every character in the gap, printed: some besides the 3 verify by chance, and the page cannot choose.
    const everyFilling = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'].map((c) => `LV8${c}L6818`).join(' ');
    expect(droppedCharacterOnPage(parse, raw, `${card.page}\n${everyFilling}`, today)).toBeNull();
  });

  it("never fills a forged number: the page prints the forger's number, whose check digit fails", () => {
    // One digit changed on both zones (LV83L6818 → LV83L6828), the check digits left as issued, then the 3 dropped.
    const forged = card.lines.map((l) => l.replace('LV83L6818', 'LV83L6828'));
    const raw = [dropThe3(forged[0]), forged[1], forged[2]];
    const parse = parseMrz(fitted(raw), { today });
    expect(parse.valid).toBe(false);
    expect(droppedCharacterOnPage(parse, raw, card.page.replace('LV83L6818', 'LV83L6828'), today)).toBeNull();
  });
});
