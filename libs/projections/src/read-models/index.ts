import { Projection } from '../projection';
import { auditProjection } from './audit/audit.projection';
import { mailboxRetentionProjection } from './mailbox-retention/mailbox-retention.projection';
import { retentionTimelineProjection } from './retention-timeline/retention-timeline.projection';
import { seatAvailabilityProjection } from './seat-availability/seat-availability.projection';
import { usersProjection } from './users/users.projection';

export { auditProjection, mailboxRetentionProjection, retentionTimelineProjection, seatAvailabilityProjection, usersProjection };
export * from './audit/audit.queries';
export * from './mailbox-retention/mailbox-retention.queries';
export * from './retention-timeline/retention-timeline.queries';
export * from './seat-availability/seat-availability.queries';
export * from './users/users.queries';

/** Every read model the projector keeps up to date. */
export const READ_MODELS: readonly Projection[] = [seatAvailabilityProjection, usersProjection, mailboxRetentionProjection, auditProjection, retentionTimelineProjection];
