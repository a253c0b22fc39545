import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';

/**
 * An optional `true`/`false` query parameter. Query strings arrive as text: only `true` and `false` become
 * booleans, anything else fails IsBoolean (400 ValidationFailed).
 */
export const QueryBoolean = (): PropertyDecorator =>
  applyDecorators(
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value)),
    IsBoolean(),
  );
