import { asUploaded, cardCaseSeed, generateCardSamples } from './card-samples';
import { generateCardCase } from './card.generator';
import { caseSeed } from '../case.generator';

describe('card sample sets', () => {
  it('sends a lone emblem side as the front, keeping its file name', async () => {
    const generated = await generateCardCase(3, { kind: 'cn_resident_id', scenario: 'side-missing' });
    expect(generated.case.reasonField).toBe('front');
    expect(generated.case.files).toEqual({ back: `${generated.case.id}-back.png` });
    const uploaded = asUploaded(generated);
    expect(uploaded.case.files).toEqual({ front: `${generated.case.id}-back.png` });
    expect(uploaded.images.front).toBe(generated.images.back);
    expect(uploaded.images.back).toBeUndefined();
    // Everything else about the case is as generated.
    expect({ ...uploaded.case, files: null }).toEqual({ ...generated.case, files: null });
  }, 120_000);

  it('draws only the asked-for kinds, with seeds of their own', async () => {
    const kinds: string[] = [];
    for await (const g of generateCardSamples({ count: 2, seed: 9, kinds: ['hk_identity_card'] })) {
      kinds.push(g.case.kind);
      expect(g.case.files.front).toBeDefined();
    }
    expect(kinds).toEqual(['hk_identity_card', 'hk_identity_card']);
    expect(cardCaseSeed(9, 0)).not.toBe(caseSeed(9, 0));
    await expect(generateCardSamples({ count: 1, seed: 1, kinds: [] }).next()).rejects.toThrow(/kinds/);
  }, 120_000);
});
