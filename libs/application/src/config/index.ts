export * from './duration';
export * from './ledger-config';
export * from './jwt-secret';
export * from './ledger-config.module';
