export * from './audit-state';
export * from './audit-state.query';
export * from './audit.module';
export * from './state-checkpoints';
