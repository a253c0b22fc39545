import type { ReadModel } from '../../read-model';
import { ListMailboxesHandler } from './mailbox-retention.handlers';
import { mailboxRetentionProjection } from './mailbox-retention.projection';
import { MailboxRetentionQueries } from './mailbox-retention.queries';
import { MailboxPageDoc, MailboxViewDoc } from './mailbox-retention.view';

export * from './mailbox-retention.handlers';
export * from './mailbox-retention.projection';
export * from './mailbox-retention.queries';
export * from './mailbox-retention.view';

export const mailboxRetentionReadModel = {
  projection: mailboxRetentionProjection,
  queries: [MailboxRetentionQueries],
  handlers: [ListMailboxesHandler],
  views: [MailboxViewDoc, MailboxPageDoc],
} satisfies ReadModel;
