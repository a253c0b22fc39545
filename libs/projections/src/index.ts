export * from './database';
export * from './paging';
export * from './projection';
export * from './projector';
export * from './read-models';
