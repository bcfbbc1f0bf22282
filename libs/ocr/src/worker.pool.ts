import { OcrError, OcrErrorCode } from './ocr.error';

/** What the pool needs of a worker: it can be stopped. */
export interface PoolWorker {
  terminate(): Promise<unknown>;
}

/** Sizing and limits of a {@link WorkerPool}. */
export interface WorkerPoolOptions<W extends PoolWorker> {
  /** Starts one worker; it must resolve once the worker is ready for jobs. */
  create: () => Promise<W>;
  size: number;
  /** A worker is replaced after this many jobs, since tesseract's wasm heap only grows. */
  maxJobsPerWorker: number;
  initTimeoutMs: number;
  jobTimeoutMs: number;
}

/** Counts of a pool's workers. */
export interface WorkerPoolStats {
  live: number;
  started: number;
  recycled: number;
  replaced: number;
}

interface Slot<W> {
  worker: Promise<W> | null;
  jobs: number;
  busy: boolean;
}

/**
 * A fixed-size pool of warm workers with recycling and timeouts. tesseract.js's own scheduler cannot remove a
 * worker, so a hung or crashed worker would stay in its rotation forever; here a worker that fails or times
 * out is terminated and its slot starts a fresh one on the next job.
 */
export class WorkerPool<W extends PoolWorker> {
  private readonly slots: Slot<W>[];
  private readonly waiting: Array<() => void> = [];
  private terminated = false;
  private counters = { started: 0, recycled: 0, replaced: 0 };

  constructor(private readonly opts: WorkerPoolOptions<W>) {
    this.slots = Array.from({ length: Math.max(1, opts.size) }, () => ({
      worker: null,
      jobs: 0,
      busy: false,
    }));
  }

  /** Starts every worker now rather than on first use, so the first request does not pay the start-up. */
  async warmUp(): Promise<void> {
    if (this.terminated) throw new OcrError(OcrErrorCode.ENGINE_TERMINATED);
    await Promise.all(this.slots.map((slot) => this.ready(slot)));
  }

  /** Runs `job` on a free worker, waiting for one if all are busy. */
  async run<T>(job: (worker: W) => Promise<T>): Promise<T> {
    const slot = await this.acquire();
    try {
      const worker = await this.ready(slot);
      slot.jobs++;
      const result = await withTimeout(job(worker), this.opts.jobTimeoutMs, OcrErrorCode.JOB_TIMEOUT);
      if (slot.jobs >= this.opts.maxJobsPerWorker) {
        this.counters.recycled++;
        this.discard(slot);
      }
      return result;
    } catch (err) {
      this.counters.replaced++;
      this.discard(slot);
      if (err instanceof OcrError) throw err;
      throw new OcrError(OcrErrorCode.JOB_FAILED, describe(err));
    } finally {
      this.release(slot);
    }
  }

  /** Live workers now, and since creation: workers started, recycled after their job quota, replaced after a failure. */
  get stats(): WorkerPoolStats {
    return { live: this.slots.filter((s) => s.worker !== null).length, ...this.counters };
  }

  async terminate(): Promise<void> {
    this.terminated = true;
    await Promise.all(this.slots.map((slot) => this.stop(slot)));
    for (const wake of this.waiting.splice(0)) wake();
  }

  private async acquire(): Promise<Slot<W>> {
    for (;;) {
      if (this.terminated) throw new OcrError(OcrErrorCode.ENGINE_TERMINATED);
      const free = this.slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  private release(slot: Slot<W>): void {
    slot.busy = false;
    this.waiting.shift()?.();
  }

  private ready(slot: Slot<W>): Promise<W> {
    if (!slot.worker) {
      slot.jobs = 0;
      this.counters.started++;
      const created = this.opts.create();
      const starting = withTimeout(created, this.opts.initTimeoutMs, OcrErrorCode.WORKER_INIT_FAILED);
      slot.worker = starting;
      starting.catch(() => {
        // A start that times out may still finish later: stop that worker rather than leak its thread.
        created.then((w) => w.terminate()).catch(() => undefined);
        // A worker that failed to start must not be handed out again; the next job starts a new one.
        if (slot.worker === starting) slot.worker = null;
      });
    }
    return slot.worker.catch((err) => {
      throw err instanceof OcrError ? err : new OcrError(OcrErrorCode.WORKER_INIT_FAILED, describe(err));
    });
  }

  private discard(slot: Slot<W>): void {
    void this.stop(slot);
  }

  private async stop(slot: Slot<W>): Promise<void> {
    const worker = slot.worker;
    slot.worker = null;
    slot.jobs = 0;
    if (!worker) return;
    try {
      await (await worker).terminate();
    } catch {
      // A worker that never started or already died has nothing left to stop.
    }
  }
}

/** `promise`, or an OcrError with `code` once `ms` have passed (the work itself is not stopped). */
export function withTimeout<T>(promise: Promise<T>, ms: number, code: OcrErrorCode): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OcrError(code, `after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
