import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CaseSetManifest, generateSamples, writeSamples } from './index';

describe('writeSamples', () => {
  const outDir = mkdtempSync(path.join(os.tmpdir(), 'idv-synthetic-'));
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('writes every image named in cases.json, as JPEG exactly where the last defect is JPEG', async () => {
    const result = await writeSamples({ outDir, count: 3, seed: 5, today: '2026-03-01' });
    const manifest: CaseSetManifest = JSON.parse(readFileSync(result.manifestPath, 'utf8'));
    expect(manifest.cases.map((c) => c.id)).toEqual(['case-0000', 'case-0001', 'case-0002']);
    expect(manifest.today).toBe('2026-03-01');
    for (const c of manifest.cases) {
      for (const side of ['front', 'back'] as const) {
        const file = c.files[side];
        if (!file) continue;
        const bytes = readFileSync(path.join(outDir, file));
        const jpeg = bytes[0] === 0xff && bytes[1] === 0xd8;
        expect({ file, jpeg }).toEqual({ file, jpeg: file.endsWith('.jpg') });
        const own = c.defects.filter((d) => d.side === side);
        expect(jpeg).toBe(own.length > 0 && own[own.length - 1].kind === 'jpeg');
      }
      expect(c.record.externalId).toContain(c.id);
    }
    expect(existsSync(path.join(outDir, 'cases.json'))).toBe(true);
  });

  it('yields the same cases as a stream, in order', async () => {
    const ids: string[] = [];
    for await (const generated of generateSamples({ count: 2, seed: 5, today: '2026-03-01' }))
      ids.push(generated.case.id);
    expect(ids).toEqual(['case-0000', 'case-0001']);
    await expect(generateSamples({ count: -1, seed: 1 }).next()).rejects.toThrow(/count/);
  });
});
