import { printedFieldAt } from './mrz.layouts';

describe('printedFieldAt', () => {
  it('names the field a page can show at a place of the layout, and nothing at a check digit or elsewhere', () => {
    // TD3 line 2: number 0-8, its check digit 9, nationality 10-12, birth date 13-18, sex 20, expiry 21-26.
    expect(printedFieldAt('TD3', 1, 0)).toBe('documentNumber');
    expect(printedFieldAt('TD3', 1, 9)).toBeNull();
    expect(printedFieldAt('TD3', 1, 12)).toBe('nationality');
    expect(printedFieldAt('TD3', 1, 13)).toBe('dateOfBirth');
    expect(printedFieldAt('TD3', 1, 20)).toBeNull();
    expect(printedFieldAt('TD3', 1, 26)).toBe('expiryDate');
    expect(printedFieldAt('TD3', 0, 3)).toBeNull();
    // TD1: the number on line 1 after the header, nationality on line 2 after the expiry's check digit.
    expect(printedFieldAt('TD1', 0, 5)).toBe('documentNumber');
    expect(printedFieldAt('TD1', 1, 15)).toBe('nationality');
    expect(printedFieldAt('FRENCH_ID', 0, 5)).toBeNull();
  });
});
