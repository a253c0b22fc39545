export * from './errors';
export * from './ledger';
