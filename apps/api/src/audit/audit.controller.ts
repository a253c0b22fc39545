import { GetAuditStateQuery } from '@app/application';
import {
  AUDIT_EXPORT_MEDIA_TYPES,
  AuditExportFormat,
  AuditFilter,
  AuditPageDoc,
  ExportAuditEventsQuery,
  ListAuditEventsQuery,
} from '@app/projections';
import { Controller, Get, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor, ActorContext, Roles } from '../auth';
import { ApiError, ErrorBodyDto } from '../http/api-error';
import { validationFailed } from '../http/validation';
import { DEFAULT_PAGE_LIMIT } from '../http/page-query.dto';
import { AuditEventsQueryDto, AuditStateQueryDto } from './audit-query.dto';
import { AuditStateDoc } from './audit-state.view';
import { streamPieces } from './stream-response';

const JSON_TYPE = 'application/json';
const PIECE_BYTES = 64 * 1024;
const MEDIA_TYPES = [JSON_TYPE, AUDIT_EXPORT_MEDIA_TYPES.csv, AUDIT_EXPORT_MEDIA_TYPES.ndjson];
const CSV_COLUMNS_DOC = 'position,eventId,type,occurredAt,actorId,actorName,userId,skuId,correlationId,data';

/**
 * The audit trail and point-in-time state (A2). Read-only by design: the audit is the event log
 * itself, and no endpoint edits or deletes an event.
 */
@ApiTags('audit')
@ApiExtraModels(AuditPageDoc)
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get('events')
  @Roles('auditor', 'compliance')
  @ApiOperation({
    summary: 'Who changed what: one entry per event, in store order, filtered; or every match as CSV or NDJSON',
    description:
      'Filters combine (AND); `from`/`to` bound occurredAt inclusively; `type` takes one type or several separated by commas. ' +
      'With `Accept: application/json` (the default) the answer is a page: pass `nextCursor` back as `cursor` for the next one. ' +
      '`Accept: text/csv` or `Accept: application/x-ndjson` streams every match instead (limit and cursor are ignored): ' +
      `CSV has a header row (${CSV_COLUMNS_DOC}), RFC 4180 quoting and CRLF line ends, with \`data\` as JSON text; ` +
      'NDJSON has one audit entry per line. Any other Accept: 406 NotAcceptable.',
  })
  @ApiProduces(...MEDIA_TYPES)
  @ApiOkResponse({
    description: 'A page of audit entries, or the streamed export',
    content: {
      [JSON_TYPE]: { schema: { $ref: getSchemaPath(AuditPageDoc) } },
      [AUDIT_EXPORT_MEDIA_TYPES.csv]: { schema: { type: 'string' }, example: `${CSV_COLUMNS_DOC}\r\n` },
      [AUDIT_EXPORT_MEDIA_TYPES.ndjson]: { schema: { type: 'string', description: 'One audit entry (JSON) per line' } },
    },
  })
  @ApiResponse({
    status: 406,
    type: ErrorBodyDto,
    description: 'NotAcceptable: the Accept header names none of the formats above',
  })
  async events(
    @Query() query: AuditEventsQueryDto,
    @Actor() actor: ActorContext,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const filter = toFilter(query);
    // The same URL answers JSON, CSV or NDJSON: caches must key on Accept.
    res.vary('Accept');
    const format = req.accepts(MEDIA_TYPES);
    if (format === JSON_TYPE) {
      res.json(
        await this.queries.execute(
          new ListAuditEventsQuery(actor.tenantId, filter, query.limit ?? DEFAULT_PAGE_LIMIT, query.cursor),
        ),
      );
      return;
    }
    const exportFormat =
      format === AUDIT_EXPORT_MEDIA_TYPES.csv
        ? 'csv'
        : format === AUDIT_EXPORT_MEDIA_TYPES.ndjson
          ? 'ndjson'
          : undefined;
    if (!exportFormat)
      throw new ApiError(406, 'NotAcceptable', `Acceptable formats are ${MEDIA_TYPES.join(', ')}.`, {
        acceptable: MEDIA_TYPES,
      });
    const pieces = await this.queries.execute(new ExportAuditEventsQuery(actor.tenantId, filter, exportFormat));
    writeExportHeaders(res, exportFormat);
    await streamPieces(res, pieces);
  }

  @Get('state')
  @Roles('auditor')
  @ApiOperation({
    summary: 'Seats and assignments as they were at an instant, replayed from the event history',
    description:
      "Folds the tenant's events whose occurredAt is at or before `at` (the ledger clock's time). " +
      'Subscriptions are sorted by skuId, assignments by userId then skuId.',
  })
  @ApiOkResponse({ type: AuditStateDoc, description: 'Subscriptions and assignments as they were at that instant' })
  async state(@Query() query: AuditStateQueryDto, @Actor() actor: ActorContext, @Res() res: Response): Promise<void> {
    const { json } = await this.queries.execute(new GetAuditStateQuery(actor.tenantId, new Date(query.at)));
    res.status(200);
    res.setHeader('Content-Type', `${JSON_TYPE}; charset=utf-8`);
    // Finished bytes from the worker thread: res.json() would parse nothing but hash them all for an ETag in one go.
    await streamPieces(res, slices(json, PIECE_BYTES));
  }
}

/** Views of the bytes, PIECE_BYTES at a time (no copy), so one write never holds the event loop long. */
function* slices(bytes: Uint8Array, size: number): Generator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.subarray(start, start + size);
}

function toFilter(query: AuditEventsQueryDto): AuditFilter {
  const from = query.from === undefined ? undefined : new Date(query.from).toISOString();
  const to = query.to === undefined ? undefined : new Date(query.to).toISOString();
  if (from !== undefined && to !== undefined && from > to)
    throw validationFailed({ to: ['to must not be before from'] });
  return {
    ...(query.userId !== undefined ? { userId: query.userId } : {}),
    ...(query.skuId !== undefined ? { skuId: query.skuId } : {}),
    ...(query.actor !== undefined ? { actor: query.actor } : {}),
    ...(query.type !== undefined ? { types: query.type } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
  };
}

function writeExportHeaders(res: Response, format: AuditExportFormat): void {
  res.status(200);
  res.setHeader(
    'Content-Type',
    format === 'csv'
      ? `${AUDIT_EXPORT_MEDIA_TYPES.csv}; charset=utf-8; header=present`
      : `${AUDIT_EXPORT_MEDIA_TYPES.ndjson}; charset=utf-8`,
  );
  res.setHeader('Content-Disposition', `attachment; filename="audit-events.${format === 'csv' ? 'csv' : 'ndjson'}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}
