import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but if it is there it must be valid: unlike @IsOptional(), `null` is
 * validated (and refused) instead of slipping through as "no change".
 */
export const Optional = (): PropertyDecorator => ValidateIf((_object, value) => value !== undefined);
