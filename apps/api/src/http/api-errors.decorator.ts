import { COMMAND_ERRORS, DomainErrorCode, LedgerCommand, statusOf } from '@app/domain';
import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorBodyDto } from './api-error';

/** Documents each code under its status, with an example body per code. */
export function ApiErrors(...codes: DomainErrorCode[]) {
  const byStatus = new Map<number, DomainErrorCode[]>();
  for (const code of new Set(codes)) byStatus.set(statusOf(code), [...(byStatus.get(statusOf(code)) ?? []), code]);
  return applyDecorators(
    ...[...byStatus].map(([status, group]) =>
      ApiResponse({
        status,
        description: group.map((code) => `\`${code}\``).join(', '),
        content: {
          'application/json': {
            schema: { $ref: getSchemaPath(ErrorBodyDto) },
            examples: Object.fromEntries(
              group.map((code) => [
                code,
                { value: { statusCode: status, error: code, message: `The ledger refused the request: ${code}.` } },
              ]),
            ),
          },
        },
      }),
    ),
  );
}

/** A route executing this command: its rules' codes (COMMAND_ERRORS), and ConcurrencyConflict when the ledger keeps moving. */
export const ApiCommandErrors = (type: LedgerCommand['type']) =>
  ApiErrors(...COMMAND_ERRORS[type], 'ConcurrencyConflict');
