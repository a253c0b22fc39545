export * from './roles';
export * from './token';
export * from './oidc-keys';
export * from './token-error';
