import { Projection } from '@app/projections';

const PLAIN_INDEX = /^\s*CREATE\s+INDEX\b/i;

/**
 * A projection's schema without its plain (non-unique) indexes. No handler looks anything up through
 * them, so a bulk load skips maintaining them row by row and builds them once, sorted, at the end.
 * Unique indexes stay: INSERT OR IGNORE relies on them.
 */
export function withoutPlainIndexes(projection: Projection): Projection {
  return {
    ...projection,
    schema: statementsOf(projection.schema)
      .filter((statement) => !PLAIN_INDEX.test(statement))
      .join(';\n'),
  };
}

function statementsOf(schema: string): string[] {
  return schema.split(';').filter((statement) => statement.trim() !== '');
}
