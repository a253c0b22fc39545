/** Answers whether the event store is reachable; rejects (or hangs, which counts as down) if not. */
export interface StoreProbe {
  ping(): Promise<void>;
}

/** Where the read models stand against the store: `lag` events still to apply. */
export interface ReadModelStatus {
  status(): Promise<{ checkpoint: string; head: string; lag: number }>;
}

/** Provided by the ledger feature module (global); without it readiness reports "down". */
export const STORE_PROBE = Symbol('STORE_PROBE');
export const READ_MODEL_STATUS = Symbol('READ_MODEL_STATUS');

export interface HealthOptions {
  /** Each readiness check is cut off after this long and counts as down. */
  timeoutMs: number;
  /** Readiness fails when the read models are further behind than this; undefined: lag is only reported. */
  maxReadModelLag?: number;
}

export const HEALTH_OPTIONS = Symbol('HEALTH_OPTIONS');
export const DEFAULT_HEALTH_OPTIONS: HealthOptions = { timeoutMs: 2_000 };
