/**
 * What the Han models cost the MRZ documents: the first 30 specimens of the corpus, analysed twice, the second pass
 * timed (median, mean and mean per stage), with the analyser as the service starts it (`default`: the MRZ and the Han
 * models warm) or with an OCR engine warmed for the MRZ alone (`mrz-only`). Run it pinned to one core, in this
 * checkout and in an older one, to tell a change of the code from a change of the host:
 *   taskset -c 0 node -r @swc-node/register -r tsconfig-paths/register bench/mrz-warm.compare.ts default|mrz-only
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DocumentAnalyser } from '@idv/analysis';
import { OcrEngine } from '@idv/ocr';

(async () => {
  const mode = process.argv[2];
  const dir = path.resolve(__dirname, '../../shared/corpus/specimens');
  const files = readdirSync(dir)
    .filter((f) => /\.(png|jpe?g)$/i.test(f))
    .slice(0, 30);
  let a: DocumentAnalyser;
  if (mode === 'mrz-only') {
    const ocr = new OcrEngine();
    await ocr.warmUp({} as any);
    a = await DocumentAnalyser.create({ ocr });
  } else a = await DocumentAnalyser.create();
  const rec = {
    externalId: 'x',
    surname: 'X',
    givenNames: 'Y',
    dateOfBirth: '1990-01-01',
    nationality: 'UTO',
  } as any;
  const ms: number[] = [];
  const stages: Record<string, number> = {};
  for (let pass = 0; pass < 2; pass++)
    for (const f of files) {
      const t = performance.now();
      const out: any = await a.analyse({
        front: readFileSync(`${dir}/${f}`),
        record: rec,
        today: '2026-12-01',
      } as any);
      if (pass === 1) {
        ms.push(performance.now() - t);
        for (const [k, v] of Object.entries(out.timings ?? {})) stages[k] = (stages[k] ?? 0) + (v as number);
      }
    }
  ms.sort((x, y) => x - y);
  console.log(
    mode,
    'median',
    Math.round(ms[ms.length >> 1]),
    'mean',
    Math.round(ms.reduce((x, y) => x + y) / ms.length),
    Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v / ms.length)])),
    'rss',
    Math.round(process.memoryUsage().rss / 1e6),
  );
  await a.close();
  process.exit(0);
})();
