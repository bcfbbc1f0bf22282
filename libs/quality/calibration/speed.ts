/**
 * Wall time of `assessQuality` on a 1600 px photo, as the synchronous pre-check sees it (raw upload bytes in),
 * with libvips limited to one thread to match the one-core budget. Prints figures; asserts nothing.
 *
 *   node -r @swc-node/register -r tsconfig-paths/register libs/quality/calibration/speed.ts
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import sharp from 'sharp';
import { assessQuality, decodeImage } from '@idv/quality';
import { CORPUS_DIR } from './corpus';

const RUNS = 60;

async function samples(): Promise<Array<[string, Buffer]>> {
  const out: Array<[string, Buffer]> = [];
  const photo = path.join(CORPUS_DIR, 'specimens', 'lux-passport-photo-pe.jpg');
  if (fs.existsSync(photo))
    out.push(['lux-passport-photo-pe.jpg (1600×1200 JPEG photo)', fs.readFileSync(photo)]);
  const scan = path.join(CORPUS_DIR, 'specimens', 'deu-passport-bdr-pe.jpg');
  if (fs.existsSync(scan)) {
    const resized = await sharp(fs.readFileSync(scan))
      .resize({ width: 1600 })
      .jpeg({ quality: 90 })
      .toBuffer();
    out.push(['deu-passport-bdr-pe.jpg resized to 1600 px wide (JPEG q90)', resized]);
  }
  // Always measurable, corpus or not: a 1600×1200 noisy JPEG.
  const noise = Buffer.alloc(1600 * 1200 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  out.push([
    'synthetic 1600×1200 noise JPEG',
    await sharp(noise, { raw: { width: 1600, height: 1200, channels: 3 } })
      .jpeg()
      .toBuffer(),
  ]);
  return out;
}

/**
 * Wall time per call, and process CPU time per call (all threads: JS and libvips). On a shared machine the wall
 * time includes waiting for a core; the CPU time is what one call costs a core whatever the load.
 */
async function time(fn: () => Promise<unknown>): Promise<{ wall: number[]; cpu: number[] }> {
  for (let i = 0; i < 5; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    await fn();
    const used = process.cpuUsage(c);
    wall.push(performance.now() - t);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: wall.sort((a, b) => a - b), cpu: cpu.sort((a, b) => a - b) };
}

const pct = (ms: number[], q: number) => ms[Math.min(ms.length - 1, Math.floor(ms.length * q))].toFixed(1);
const summary = ({ wall, cpu }: { wall: number[]; cpu: number[] }) =>
  `wall p50 ${pct(wall, 0.5)} / p95 ${pct(wall, 0.95)} ms; cpu p50 ${pct(cpu, 0.5)} / p95 ${pct(cpu, 0.95)} ms`;

async function main(): Promise<void> {
  sharp.concurrency(1);
  const [load] = os.loadavg();
  console.log(
    `${RUNS} runs each after 5 warm-up runs; sharp.concurrency(1); node ${process.version}; load average ${load.toFixed(1)} on ${os.cpus().length} cores\n`,
  );
  for (const [name, bytes] of await samples()) {
    console.log(name);
    console.log(`  assessQuality(bytes):            ${summary(await time(() => assessQuality(bytes)))}`);
    console.log(`  decodeImage(bytes) (to PNG):     ${summary(await time(() => decodeImage(bytes)))}`);
    const decoded = await decodeImage(bytes);
    if (decoded.ok)
      console.log(`  assessQuality(decoded):          ${summary(await time(() => assessQuality(decoded)))}`);
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
