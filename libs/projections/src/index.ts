export * from './database';
export * from './paging';
export * from './projection';
export * from './projector';
export * from './read-model';
export * from './read-models';
