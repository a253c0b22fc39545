export * from './retention-saga';
export * from './retention.module';
export * from './retention.scheduler';
