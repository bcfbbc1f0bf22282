import { checkExpiry, daysUntilExpiry, isExpired, MatchingError, toIsoDate } from '@idv/matching';

describe('expiry helpers', () => {
  it('keeps a document valid through its expiry day', () => {
    expect(isExpired('2030-06-30', '2030-06-29')).toBe(false);
    expect(isExpired('2030-06-30', '2030-06-30')).toBe(false);
    expect(isExpired('2030-06-30', '2030-07-01')).toBe(true);
  });

  it('counts days across month ends and leap days', () => {
    expect(daysUntilExpiry('2024-03-01', '2024-02-28')).toBe(2);
    expect(daysUntilExpiry('2023-03-01', '2023-02-28')).toBe(1);
    expect(daysUntilExpiry('2020-01-01', '2021-01-01')).toBe(-366);
  });

  it('takes a Date as its UTC calendar day', () => {
    expect(toIsoDate(new Date('2030-06-30T23:59:59Z'))).toBe('2030-06-30');
    expect(isExpired('2030-06-30', new Date('2030-06-30T23:59:59Z'))).toBe(false);
    expect(isExpired('2030-06-30', new Date('2030-07-01T00:00:00Z'))).toBe(true);
  });

  it('reports an undated or malformed document expiry as unknown rather than throwing', () => {
    expect(checkExpiry(null, '2025-01-01')).toEqual({
      known: false,
      expired: false,
      expiryDate: null,
      daysRemaining: null,
    });
    expect(checkExpiry('2025-02-30', '2025-01-01')).toMatchObject({ known: false, expired: false });
    expect(checkExpiry('2024-12-31', '2025-01-01')).toEqual({
      known: true,
      expired: true,
      expiryDate: '2024-12-31',
      daysRemaining: -1,
    });
  });

  it('rejects a malformed date from the caller', () => {
    expect(() => isExpired('2025-13-01', '2025-01-01')).toThrow(MatchingError);
    expect(() => checkExpiry('2025-01-01', '01/01/2025')).toThrow(MatchingError);
  });
});
