import { randomUUID } from 'node:crypto';
import { inQualitySample } from './review.sampling';

describe('inQualitySample', () => {
  const ids = Array.from({ length: 5000 }, () => randomUUID());

  it('samples about the configured share of verifications', () => {
    const share = ids.filter((id) => inQualitySample(id, 0.02)).length / ids.length;
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.03);
  });

  it('always gives the same answer for the same verification', () => {
    const first = ids.slice(0, 200).map((id) => inQualitySample(id, 0.5));
    expect(ids.slice(0, 200).map((id) => inQualitySample(id, 0.5))).toEqual(first);
  });

  it('takes everything at rate 1 and nothing at rate 0', () => {
    expect(ids.every((id) => inQualitySample(id, 1))).toBe(true);
    expect(ids.some((id) => inQualitySample(id, 0))).toBe(false);
  });
});
