export * from './api-error';
export * from './body-gate';
export * from './body-parser';
export * from './error-codes';
export * from './exception.filter';
export * from './redact';
export * from './request-id';
export * from './validation';
