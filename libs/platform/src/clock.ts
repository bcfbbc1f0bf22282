/**
 * The time, injectable so tests and reproducible benchmarks can pin it (IDV_NOW=2026-01-01T00:00:00Z).
 * Pure functions take `now`/`today` as parameters instead.
 */
export class Clock {
  constructor(private readonly fixed?: Date) {}

  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }

  /** Today as YYYY-MM-DD in UTC. */
  today(): string {
    return this.now().toISOString().slice(0, 10);
  }
}

export function clockFromEnv(env: NodeJS.ProcessEnv = process.env): Clock {
  const fixed = env.IDV_NOW ? new Date(env.IDV_NOW) : undefined;
  return new Clock(fixed && !Number.isNaN(fixed.getTime()) ? fixed : undefined);
}
