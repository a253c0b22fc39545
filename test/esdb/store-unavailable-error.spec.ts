import { AppendTooLargeError, EventStoreUnavailableError, MAX_APPEND_SIZE } from '@app/event-store';
import { toErrorBody } from '../../apps/api/src/http/exception.filter';

/** An unreachable event store is the one server-side failure a client can act on: 503 + Retry-After, no internals. */
describe('The exception filter and an unreachable event store', () => {
  it('maps EventStoreUnavailableError to 503 ServiceUnavailable with Retry-After, without the driver message', () => {
    const error = new EventStoreUnavailableError(
      'EventStoreDB is unavailable: 14 UNAVAILABLE: No connection established',
      new Error('grpc'),
    );
    const { body, headers } = toErrorBody(error, 'req-1');
    expect(body).toEqual({
      statusCode: 503,
      error: 'ServiceUnavailable',
      message: expect.stringMatching(/event store is unavailable/i),
      details: { requestId: 'req-1' },
    });
    expect(body.message).not.toMatch(/grpc|UNAVAILABLE:/);
    expect(headers).toEqual({ 'Retry-After': expect.stringMatching(/^\d+$/) });
  });

  it('recognises the error by name when its class was loaded twice (another module registry)', () => {
    const twin = Object.assign(new Error('down'), { name: 'EventStoreUnavailableError' });
    expect(toErrorBody(twin).body).toMatchObject({ statusCode: 503, error: 'ServiceUnavailable' });
  });

  it('maps AppendTooLargeError to 413 PayloadTooLarge with the limit in details', () => {
    const { body } = toErrorBody(new AppendTooLargeError('ledger-t1', MAX_APPEND_SIZE), 'req-2');
    expect(body).toEqual({
      statusCode: 413,
      error: 'PayloadTooLarge',
      message: expect.stringMatching(/more event data than the event store accepts/),
      details: { maxAppendSize: 1_048_576 },
    });
  });

  it('leaves every other unexpected error a generic 500', () => {
    expect(toErrorBody(new Error('boom')).body).toMatchObject({ statusCode: 500, error: 'InternalError' });
  });
});
