import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DocumentAnalyser } from '@idv/analysis';
import { withMinDocumentPixels } from '@idv/quality';
import { APP_CONFIG, type AppConfig } from '@idv/platform';

/** Owns the warm OCR workers of this process: started at boot (readiness waits for them), stopped on shutdown. */
@Injectable()
export class AnalyserHost implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('AnalyserHost');
  private analyser?: DocumentAnalyser;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    this.analyser = await DocumentAnalyser.create({
      ocrOptions: {
        mrzWorkers: this.config.ocrWorkers,
        onWorkerError: (err) => this.logger.warn(`OCR worker error: ${(err as Error)?.message ?? err}`),
      },
      limits: { maxBytes: this.config.maxUploadBytes, maxPixels: this.config.maxPixels },
      thresholds: withMinDocumentPixels(this.config.minDocumentPixels),
    });
  }

  get(): DocumentAnalyser {
    if (!this.analyser) throw new Error('The document analyser is not started yet');
    return this.analyser;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.analyser?.close();
  }
}
