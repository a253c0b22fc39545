import type { Type } from '@nestjs/common';
import type { IQueryHandler } from '@nestjs/cqrs';
import { ReadModelDatabase } from './database';
import { Projection } from './projection';

/**
 * One read model, all in its folder: what it stores (projection), how it is asked (queries built on the
 * read-model database, @nestjs/cqrs handlers) and how its views are documented (OpenAPI classes).
 * Registered once in READ_MODEL_REGISTRY; the projector's list and the Nest providers derive from it.
 */
export interface ReadModel {
  projection: Projection;
  /** Built once on the read-model database; handlers and controllers inject them. */
  queries: readonly (new (db: ReadModelDatabase) => object)[];
  handlers: readonly Type<IQueryHandler>[];
  /** OpenAPI classes of its views; each `implements` its view type, so a field left out fails tsc. */
  views: readonly Type[];
}
