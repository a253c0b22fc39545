export * from './fingerprint';
export * from './idempotency.guard';
export * from './idempotency.module';
export * from './idempotent.decorator';
