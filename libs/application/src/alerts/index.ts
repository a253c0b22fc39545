export * from './alerts.module';
export * from './webhook-delivery.worker';
export * from './webhook-outbox';
export * from './webhook-secrets';
export * from './webhook-signature';
export * from './webhook-url';
