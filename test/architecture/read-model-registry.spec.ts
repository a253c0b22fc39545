import { READ_MODEL_REGISTRY, READ_MODEL_VIEWS, ReadModel } from '@app/projections';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import 'reflect-metadata';

const ROOT = join(__dirname, '..', '..');
const READ_MODELS_DIR = join(ROOT, 'libs/projections/src/read-models');
const API_SRC = join(ROOT, 'apps/api/src');
// Metadata keys of @nestjs/swagger's @ApiProperty and @nestjs/cqrs's @QueryHandler.
const API_PROPERTIES = 'swagger/apiModelPropertiesArray';
const QUERY_HANDLER = '__queryHandler__';

function isReadModel(value: unknown): value is ReadModel {
  return (
    typeof value === 'object' && value !== null && 'projection' in value && 'handlers' in value && 'views' in value
  );
}

function sourcesUnder(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'))
    .join('\n');
}

describe('the read-model registry', () => {
  const folders = readdirSync(READ_MODELS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

  it.each(folders)('registers the read model of folder %s', (folder) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- each folder's index, found at run time
    const declared = Object.values(require(join(READ_MODELS_DIR, folder)) as Record<string, unknown>).filter(
      isReadModel,
    );
    expect(declared).toHaveLength(1);
    expect(READ_MODEL_REGISTRY).toContain(declared[0]);
  });

  it('holds each read model once, under a name of its own', () => {
    const names = READ_MODEL_REGISTRY.map((model) => model.projection.name);
    expect(new Set(names).size).toBe(names.length);
    expect(READ_MODEL_REGISTRY).toHaveLength(folders.length);
  });

  it.each(READ_MODEL_VIEWS.map((view) => [view.name, view] as const))(
    'documents every field of %s in OpenAPI',
    (_name, view) => {
      // Class fields are defined on construction (ES2022), so a field without @ApiProperty shows here.
      const fields = Object.keys(new view() as object).sort();
      const documented = ((Reflect.getMetadata(API_PROPERTIES, view.prototype) as string[] | undefined) ?? []).map(
        (key) => key.replace(/^:/, ''),
      );
      expect(fields.length).toBeGreaterThan(0);
      expect([...new Set(documented)].sort()).toEqual(fields);
    },
  );

  it('answers every query of a registered read model on some route of the API', () => {
    const api = sourcesUnder(API_SRC);
    const queries = READ_MODEL_REGISTRY.flatMap((model) => model.handlers).map(
      (handler) => (Reflect.getMetadata(QUERY_HANDLER, handler) as { name: string }).name,
    );
    expect(queries.length).toBeGreaterThan(0);
    expect(queries.filter((query) => !api.includes(`new ${query}(`))).toEqual([]);
  });
});
