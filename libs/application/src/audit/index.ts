export * from './audit-state';
export * from './audit-state-worker';
export * from './audit-state.query';
export * from './audit.module';
export * from './event-loop-turns';
export * from './state-checkpoints';
