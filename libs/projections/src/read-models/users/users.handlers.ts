import { DomainError, DomainErrorCode } from '@app/domain';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Page } from '../../paging';
import { UserFilter, UserQueries, UserView } from './users.queries';

export class GetUserQuery extends Query<UserView> {
  /** What its handler refuses with; routes document them. */
  static readonly errors: readonly DomainErrorCode[] = ['UserNotFound'];

  constructor(
    readonly tenantId: string,
    readonly userIdOrUpn: string,
  ) {
    super();
  }
}

export class ListUsersQuery extends Query<Page<UserView>> {
  constructor(
    readonly tenantId: string,
    readonly filter: UserFilter,
  ) {
    super();
  }
}

@QueryHandler(GetUserQuery)
export class GetUserHandler implements IQueryHandler<GetUserQuery, UserView> {
  constructor(private readonly users: UserQueries) {}

  async execute({ tenantId, userIdOrUpn }: GetUserQuery): Promise<UserView> {
    const view = this.users.find(tenantId, userIdOrUpn);
    if (!view) throw new DomainError('UserNotFound', `User ${userIdOrUpn} not found`, { userId: userIdOrUpn });
    return view;
  }
}

@QueryHandler(ListUsersQuery)
export class ListUsersHandler implements IQueryHandler<ListUsersQuery, Page<UserView>> {
  constructor(private readonly users: UserQueries) {}

  async execute({ tenantId, filter }: ListUsersQuery): Promise<Page<UserView>> {
    return this.users.list(tenantId, filter);
  }
}
