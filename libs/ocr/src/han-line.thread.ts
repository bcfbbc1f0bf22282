import { Worker } from 'node:worker_threads';
import type { PoolWorker } from './worker.pool';

/** The most probable class of each CTC step of one line, and its probability. */
export interface CtcSteps {
  best: Int32Array;
  probability: Float32Array;
}

/** What a thread needs to load the model. */
export interface HanLineThreadOptions {
  modelPath: string;
  /** Threads of one inference. */
  threads: number;
}

/**
 * The thread's own code. onnxruntime-node runs an inference synchronously on the calling thread, so the session
 * lives in a worker thread: the caller's event loop stays free and a read that passes its time limit can be
 * abandoned (the thread is terminated). Kept as source text so it runs the same from the TypeScript sources,
 * under Jest and from the compiled tree; the argmax is taken here so only two small arrays come back.
 */
const THREAD_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ort = require(workerData.runtime);
ort.InferenceSession.create(workerData.modelPath, {
  intraOpNumThreads: workerData.threads,
  interOpNumThreads: 1,
  executionMode: 'sequential',
  graphOptimizationLevel: 'all',
}).then(
  async (session) => {
    const input = session.inputNames[0];
    const output = session.outputNames[0];
    // The first inference sets up the kernels (hundreds of ms): pay it here, not on a user's card.
    await session.run({ [input]: new ort.Tensor('float32', new Float32Array(3 * 48 * 96), [1, 3, 48, 96]) });
    parentPort.on('message', async ({ id, data, width, allowed }) => {
      try {
        const result = await session.run({ [input]: new ort.Tensor('float32', data, [1, 3, 48, width]) });
        const { data: p, dims } = result[output];
        const [, steps, classes] = dims;
        const best = new Int32Array(steps);
        const probability = new Float32Array(steps);
        for (let t = 0; t < steps; t++) {
          let c = 0;
          let q = p[t * classes];
          for (let k = 1; k < classes; k++)
            if ((!allowed || allowed[k]) && p[t * classes + k] > q) { c = k; q = p[t * classes + k]; }
          best[t] = c;
          probability[t] = q;
        }
        parentPort.postMessage({ id, best, probability }, [best.buffer, probability.buffer]);
      } catch (err) {
        parentPort.postMessage({ id, error: String((err && err.message) || err) });
      }
    });
    const shape = session.outputMetadata && session.outputMetadata[0] && session.outputMetadata[0].shape;
    parentPort.postMessage({ ready: true, classes: shape ? shape[2] : undefined });
  },
  (err) => parentPort.postMessage({ ready: false, error: String((err && err.message) || err) }),
);
`;

interface Reply {
  id?: number;
  ready?: boolean;
  error?: string;
  best?: Int32Array;
  probability?: Float32Array;
  classes?: number;
}

/** A worker thread holding one recognition session; {@link HanLineThread.start} resolves once it has loaded. */
export class HanLineThread implements PoolWorker {
  private nextId = 0;
  private readonly pending = new Map<
    number,
    { resolve: (s: CtcSteps) => void; reject: (e: Error) => void }
  >();
  private readonly running = new Set<Promise<CtcSteps>>();

  private constructor(
    private readonly worker: Worker,
    /** Classes of the model's output (blank, characters, space), to check the dictionary against. */
    readonly classes: number | null,
  ) {
    worker.on('message', (reply: Reply) => {
      if (reply.id === undefined) return;
      const job = this.pending.get(reply.id);
      if (!job) return;
      this.pending.delete(reply.id);
      if (reply.error !== undefined || !reply.best || !reply.probability) job.reject(new Error(reply.error));
      else job.resolve({ best: reply.best, probability: reply.probability });
    });
    const fail = (err: Error) => {
      for (const job of this.pending.values()) job.reject(err);
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`Han line thread exited (${code})`)));
  }

  static start(options: HanLineThreadOptions): Promise<HanLineThread> {
    const worker = new Worker(THREAD_SOURCE, {
      eval: true,
      workerData: { runtime: require.resolve('onnxruntime-node'), ...options },
    });
    return new Promise((resolve, reject) => {
      const onExit = (code: number) => reject(new Error(`Han line thread exited (${code}) while loading`));
      worker.once('error', reject);
      worker.once('exit', onExit);
      worker.once('message', (reply: Reply) => {
        worker.off('error', reject);
        worker.off('exit', onExit);
        if (reply.ready)
          resolve(new HanLineThread(worker, typeof reply.classes === 'number' ? reply.classes : null));
        else {
          void worker.terminate();
          reject(new Error(reply.error ?? 'Han line thread failed to load'));
        }
      });
    });
  }

  /**
   * Runs the network on one line prepared as `[1, 3, 48, width]` values. `allowed` (one flag per class) limits
   * each step's choice to the blank and those classes: a line known to hold only some characters (an MRZ) is
   * not read as a look-alike from the rest of the dictionary (`℃` for `0`).
   */
  infer(data: Float32Array, width: number, allowed?: Uint8Array): Promise<CtcSteps> {
    const id = this.nextId++;
    const job = new Promise<CtcSteps>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, data, width, allowed }, [data.buffer as ArrayBuffer]);
    });
    this.running.add(job);
    void job.catch(() => undefined).finally(() => this.running.delete(job));
    return job;
  }

  /**
   * Stops the thread once its inference in progress, if any, has returned: a thread stopped inside
   * onnxruntime's native call aborts the whole process (an uncaught Napi::Error), so an abandoned read is let
   * finish first (tens of ms; its result is dropped).
   */
  async terminate(): Promise<number> {
    await Promise.allSettled([...this.running]);
    return this.worker.terminate();
  }
}
