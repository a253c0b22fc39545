import type { ReadModel } from '../../read-model';
import {
  GetLicenseDetailsHandler,
  LicenseDetailsDoc,
  LicenseDetailsListDoc,
  LicenseDetailsQueries,
  LicenseDetailsServicePlanDoc,
} from './license-details';
import { GetUserHandler, ListUsersHandler } from './users.handlers';
import { usersProjection } from './users.projection';
import { UserQueries } from './users.queries';
import { UserPageDoc, UserViewDoc } from './users.view';

export * from './license-details';
export * from './user-search';
export * from './users.handlers';
export * from './users.projection';
export * from './users.queries';
export * from './users.view';

export const usersReadModel = {
  projection: usersProjection,
  queries: [UserQueries, LicenseDetailsQueries],
  handlers: [GetUserHandler, ListUsersHandler, GetLicenseDetailsHandler],
  views: [UserViewDoc, UserPageDoc, LicenseDetailsServicePlanDoc, LicenseDetailsDoc, LicenseDetailsListDoc],
} satisfies ReadModel;
