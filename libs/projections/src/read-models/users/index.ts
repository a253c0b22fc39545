import type { ReadModel } from '../../read-model';
import { GetUserHandler, ListUsersHandler } from './users.handlers';
import { usersProjection } from './users.projection';
import { UserQueries } from './users.queries';
import { UserPageDoc, UserViewDoc } from './users.view';

export * from './users.handlers';
export * from './users.projection';
export * from './users.queries';
export * from './users.view';

export const usersReadModel = {
  projection: usersProjection,
  queries: [UserQueries],
  handlers: [GetUserHandler, ListUsersHandler],
  views: [UserViewDoc, UserPageDoc],
} satisfies ReadModel;
