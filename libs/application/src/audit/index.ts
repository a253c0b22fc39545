export * from './audit-state';
export * from './audit-state.query';
export * from './audit.module';
export * from './copy-in-slices';
export * from './event-loop-turns';
export * from './sort-in-slices';
export * from './state-checkpoints';
