import type { ParseArgsConfig } from 'node:util';

/** One CLI command: its options (node:util parseArgs shape), a one-line summary, and what it does. */
export interface CliCommand {
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  run(values: Record<string, string | boolean | undefined>): Promise<number>;
}

/** A usage error: printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function required(values: Record<string, string | boolean | undefined>, key: string): string {
  const v = values[key];
  if (typeof v !== 'string' || v === '') throw new UsageError(`--${key} is required`);
  return v;
}

export function integer(
  values: Record<string, string | boolean | undefined>,
  key: string,
  fallback: number,
): number {
  const v = values[key];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0)
    throw new UsageError(`--${key} must be a whole number, not "${String(v)}"`);
  return n;
}
