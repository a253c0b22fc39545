import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiHeader, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from '../http/api-error';
import { IDEMPOTENCY_KEY_HEADER, IdempotencyGuard, MAX_IDEMPOTENCY_KEY_LENGTH } from './idempotency.guard';

/**
 * Marks a command endpoint as honouring `Idempotency-Key` (API.md, "Commands"). Put it on handlers,
 * not on query endpoints; IdempotencyModule must be imported (it is global in the app).
 */
export const Idempotent = () =>
  applyDecorators(
    UseGuards(IdempotencyGuard),
    ApiHeader({
      name: IDEMPOTENCY_KEY_HEADER,
      required: false,
      description: `Optional, 1-${MAX_IDEMPOTENCY_KEY_LENGTH} visible ASCII characters, unique per intended operation. The key is stored with the command's events: the same key with the same request, on any node and after any crash, replays the first successful answer (header Idempotent-Replayed: true) and appends nothing; with a different request: 422 IdempotencyKeyReused. A refused command stored nothing, so its retry is decided again. Keys are kept 24 hours per tenant.`,
      schema: { type: 'string', maxLength: MAX_IDEMPOTENCY_KEY_LENGTH },
    }),
    ApiUnprocessableEntityResponse({ type: ErrorBodyDto, description: 'IdempotencyKeyReused' }),
  );
