export * from './health.controller';
export * from './health.module';
export * from './health.tokens';
export * from './ledger-health.indicators';
