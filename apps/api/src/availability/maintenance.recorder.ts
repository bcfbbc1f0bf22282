import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditTrail } from '@idv/audit';
import { APP_CONFIG, type AppConfig } from '@idv/platform';

const RETRY_MS = 30_000;

/**
 * Maintenance mode is an environment switch (IDV_MAINTENANCE), so there is no request to audit: at boot the API
 * compares it with the last `maintenance.toggled` event of the platform chain and records the change when they
 * differ. Instances booting together take an advisory lock, so a switch is recorded once however many start.
 * When PostgreSQL is down at boot the API still starts (it answers 503) and retries in the background.
 */
@Injectable()
export class MaintenanceRecorder implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('MaintenanceRecorder');
  private retry?: NodeJS.Timeout;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditTrail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.attempt();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.retry);
  }

  /** Records the switch if it changed; true when the trail now agrees with the configuration. */
  async recordIfToggled(): Promise<boolean> {
    const on = this.config.maintenance;
    return this.ds.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext('idv:maintenance.toggled'))`);
      const last = await this.audit.latest({ tenant: null, action: 'maintenance.toggled' }, tx);
      // Never recorded means never switched on: the service starts out of maintenance.
      if ((last?.data.on === true) === on) return false;
      await this.audit.record(
        {
          tenant: null,
          actor: { type: 'system', id: 'api' },
          action: 'maintenance.toggled',
          subject: { type: 'service', id: 'api' },
          data: { on },
        },
        tx,
      );
      return true;
    });
  }

  private async attempt(): Promise<void> {
    try {
      if (await this.recordIfToggled())
        this.logger.log(`maintenance mode ${this.config.maintenance ? 'on' : 'off'}`);
    } catch (err) {
      this.logger.warn(`could not record the maintenance switch, retrying: ${(err as Error).message}`);
      this.retry = setTimeout(() => void this.attempt(), RETRY_MS).unref();
    }
  }
}
