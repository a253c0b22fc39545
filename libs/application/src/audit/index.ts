export * from './audit-export';
export * from './audit-state';
export * from './audit.module';
export * from './audit.queries';
export * from './state-checkpoints';
