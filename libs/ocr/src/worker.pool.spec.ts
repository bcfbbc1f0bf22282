import { OcrError, OcrErrorCode } from './ocr.error';
import { WorkerPool } from './worker.pool';

/** A stand-in worker: counts its jobs and whether it was stopped. */
class FakeWorker {
  static made = 0;
  readonly id = ++FakeWorker.made;
  stopped = false;
  async terminate(): Promise<void> {
    this.stopped = true;
  }
}

const pool = (overrides: Partial<ConstructorParameters<typeof WorkerPool<FakeWorker>>[0]> = {}) =>
  new WorkerPool<FakeWorker>({
    create: async () => new FakeWorker(),
    size: 1,
    maxJobsPerWorker: 100,
    initTimeoutMs: 200,
    jobTimeoutMs: 200,
    ...overrides,
  });

describe('WorkerPool', () => {
  it('recycles a worker after its job quota', async () => {
    const p = pool({ maxJobsPerWorker: 2 });
    const used: FakeWorker[] = [];
    for (let i = 0; i < 5; i++) await p.run(async (w) => used.push(w));
    expect(new Set(used.map((w) => w.id)).size).toBe(3);
    expect(used[0].stopped).toBe(true);
    expect(p.stats).toMatchObject({ recycled: 2, started: 3 });
    await p.terminate();
  });

  it('replaces a worker whose job hangs, and the next job runs on a fresh one', async () => {
    const p = pool();
    let hung: FakeWorker | undefined;
    await expect(
      p.run((w) => {
        hung = w;
        return new Promise(() => undefined);
      }),
    ).rejects.toMatchObject({ code: OcrErrorCode.JOB_TIMEOUT });
    const next = await p.run(async (w) => w);
    expect(hung!.stopped).toBe(true);
    expect(next).not.toBe(hung);
    expect(p.stats.replaced).toBe(1);
    await p.terminate();
  });

  it('turns a failed job into OcrError and replaces the worker', async () => {
    const p = pool();
    const err = await p.run(() => Promise.reject(new Error('wasm abort'))).catch((e) => e);
    expect(err).toBeInstanceOf(OcrError);
    expect(err.code).toBe(OcrErrorCode.JOB_FAILED);
    expect(err.message).toContain('wasm abort');
    expect(await p.run(async () => 'ok')).toBe('ok');
    await p.terminate();
  });

  it('times out a start that never finishes, and retries the start on the next job', async () => {
    let calls = 0;
    const p = pool({
      create: () =>
        ++calls === 1 ? new Promise<FakeWorker>(() => undefined) : Promise.resolve(new FakeWorker()),
    });
    await expect(p.run(async () => 1)).rejects.toMatchObject({ code: OcrErrorCode.WORKER_INIT_FAILED });
    expect(await p.run(async () => 2)).toBe(2);
    await p.terminate();
  });

  it('queues jobs beyond its size and runs them in order', async () => {
    const p = pool({ size: 2 });
    const order: number[] = [];
    const job = (n: number, ms: number) =>
      p.run(async () => {
        await new Promise((r) => setTimeout(r, ms));
        order.push(n);
      });
    await Promise.all([job(1, 30), job(2, 10), job(3, 5)]);
    expect(order).toEqual([2, 3, 1]);
    expect(p.stats.started).toBe(2);
    await p.terminate();
  });

  it('refuses work once terminated, and stops its workers', async () => {
    const p = pool();
    const w = await p.run(async (x) => x);
    await p.terminate();
    expect(w.stopped).toBe(true);
    await expect(p.run(async () => 1)).rejects.toMatchObject({ code: OcrErrorCode.ENGINE_TERMINATED });
  });
});
