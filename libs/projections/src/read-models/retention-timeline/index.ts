import type { ReadModel } from '../../read-model';
import { GetRetentionTimelineHandler } from './retention-timeline.handlers';
import { retentionTimelineProjection } from './retention-timeline.projection';
import { RetentionTimelineQueries } from './retention-timeline.queries';
import { RetentionTimelineDoc } from './retention-timeline.view';

export * from './retention-timeline.handlers';
export * from './retention-timeline.projection';
export * from './retention-timeline.queries';
export * from './retention-timeline.view';

export const retentionTimelineReadModel = {
  projection: retentionTimelineProjection,
  queries: [RetentionTimelineQueries],
  handlers: [GetRetentionTimelineHandler],
  views: [RetentionTimelineDoc],
} satisfies ReadModel;
