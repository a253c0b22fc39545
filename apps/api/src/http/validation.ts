import { HttpException, ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ApiError } from './api-error';

/** Field path of the whole body when it is not a JSON object (e.g. an array or a string). */
export const BODY_PATH = '(body)';

/**
 * Flattens class-validator errors into `{ 'addLicenses.0.skuId': ['skuId must match …'] }`, the
 * `details.fields` of a 400 ValidationFailed.
 */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const error of errors) {
    const path = parent === '' ? error.property : `${parent}.${error.property}`;
    if (error.constraints) fields[path || BODY_PATH] = Object.values(error.constraints);
    if (error.children?.length) Object.assign(fields, flattenValidationErrors(error.children, path));
  }
  return fields;
}

export function validationFailed(fields: Record<string, string[]>): ApiError {
  const names = Object.keys(fields);
  return new ApiError(400, 'ValidationFailed', `The request is invalid: ${names.join(', ')}.`, { fields });
}

/**
 * The global ValidationPipe: whitelist + forbidNonWhitelisted + transform, every failure a
 * ValidationFailed naming each bad field. A body that is not a JSON object is refused up front, since
 * class-transformer would otherwise turn an array body into an array of DTOs; whatever a validation
 * library throws is a 400 too, never a 500.
 */
export class LedgerValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors) => validationFailed(flattenValidationErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && metadata.data === undefined && this.toValidate(metadata) && value !== undefined) {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw validationFailed({ [BODY_PATH]: ['the request body must be a JSON object'] });
      }
    }
    try {
      return await super.transform(value, metadata);
    } catch (error) {
      if (error instanceof HttpException) throw error;
      // A validator that throws (e.g. on text it cannot encode) is refusing the input, not failing the server.
      throw validationFailed({
        [metadata.data ?? (metadata.type === 'body' ? BODY_PATH : metadata.type)]: ['could not be validated'],
      });
    }
  }
}
