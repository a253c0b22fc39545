import { COMMAND_ERRORS, DomainErrorCode, LedgerCommand, statusOf } from '@app/domain';
import * as projections from '@app/projections';
import { ModulesContainer } from '@nestjs/core';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import request from 'supertest';
import { IS_PUBLIC_KEY, ROLES_KEY } from '../../apps/api/src/auth/auth.decorators';
import { LedgerApp, startLedgerApp } from '../support/ledger-app';

interface Operation {
  responses: Record<
    string,
    { description: string; content?: { 'application/json'?: { examples?: Record<string, unknown> } } }
  >;
}

/** A query class that declares what its handler refuses with. */
type DeclaringQuery = { name: string; errors: readonly DomainErrorCode[] };
const QUERIES = Object.values(projections as Record<string, unknown>).filter(
  (value): value is DeclaringQuery => typeof value === 'function' && 'errors' in value,
);

/**
 * What a route's handler can answer, from the code itself: the commands its source builds (each with its
 * rules' codes, COMMAND_ERRORS, which decide() enforces) and the queries it runs (their declared codes);
 * the guard (401, and 403 under @Roles); validation (400).
 */
function canThrow(handler: (...args: unknown[]) => unknown, controller: object): Array<[number, string]> {
  const source = handler.toString();
  const codes: Array<[number, string]> = [[400, 'ValidationFailed']];
  const commands = [...source.matchAll(/type: '(\w+)'/g)]
    .map((match) => match[1])
    .filter((type): type is LedgerCommand['type'] => type in COMMAND_ERRORS);
  for (const type of commands)
    codes.push(
      ...[...COMMAND_ERRORS[type], 'ConcurrencyConflict' as const].map((code): [number, string] => [
        statusOf(code),
        code,
      ]),
    );
  for (const query of QUERIES.filter((q) => new RegExp(`new (\\w+\\.)?${q.name}\\(`).test(source)))
    codes.push(...query.errors.map((code): [number, string] => [statusOf(code), code]));
  const isPublic = Reflect.getMetadata(IS_PUBLIC_KEY, handler) ?? Reflect.getMetadata(IS_PUBLIC_KEY, controller);
  if (!isPublic) codes.push([401, 'Unauthenticated']);
  if (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, controller))
    codes.push([403, 'Forbidden']);
  return codes;
}

describe('the OpenAPI document lists every error a route can answer', () => {
  let ledger: LedgerApp;
  let document: { paths: Record<string, Record<string, Operation>> };
  const routes: Array<{ route: string; method: string; codes: Array<[number, string]> }> = [];

  beforeAll(async () => {
    ledger = await startLedgerApp();
    document = (await request(ledger.app.getHttpServer()).get('/docs-json').expect(200)).body;
    for (const module of ledger.app.get(ModulesContainer).values()) {
      for (const { metatype } of module.controllers.values()) {
        if (!metatype) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, metatype) ?? '');
        for (const name of Object.getOwnPropertyNames(metatype.prototype)) {
          const handler = metatype.prototype[name];
          const path = Reflect.getMetadata(PATH_METADATA, handler);
          if (name === 'constructor' || path === undefined) continue;
          const route = `/${[base, path].filter(Boolean).join('/')}`
            .replace(/\/+/g, '/')
            .replace(/\/$/, '')
            .replace(/:(\w+)/g, '{$1}');
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number].toLowerCase();
          routes.push({ route, method, codes: canThrow(handler, metatype) });
        }
      }
    }
  });
  afterAll(() => ledger.close());

  it('finds the routes and derives codes from them (the derivation is not empty)', () => {
    const assign = routes.find((r) => r.route === '/v1/users/{userId}/assignLicense');
    expect(assign?.codes).toEqual(
      expect.arrayContaining([
        [409, 'InsufficientSeats'],
        [404, 'SubscriptionNotFound'],
        [403, 'Forbidden'],
      ]),
    );
    expect(routes.find((r) => r.route === '/v1/users/{userId}' && r.method === 'get')?.codes).toContainEqual([
      404,
      'UserNotFound',
    ]);
    expect(routes.length).toBeGreaterThan(20);
  });

  it('documents each code under its status, by name, with an example body for the domain codes', () => {
    const missing: string[] = [];
    for (const { route, method, codes } of routes) {
      const operation = document.paths[route]?.[method];
      if (!operation) {
        missing.push(`${method.toUpperCase()} ${route} is not in the document`);
        continue;
      }
      for (const [status, code] of codes) {
        const response = operation.responses[String(status)];
        const examples = response?.content?.['application/json']?.examples;
        const named = response?.description.includes(code);
        const exampled = examples === undefined || code in examples;
        if (!response || !named || !exampled) missing.push(`${method.toUpperCase()} ${route}: ${status} ${code}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('gives every operation a summary and every 200 a description', () => {
    const bare = Object.entries(document.paths).flatMap(([route, item]) =>
      Object.entries(item as Record<string, Operation & { summary?: string }>)
        .filter(([, op]) => !op.summary || (op.responses['200'] && !op.responses['200'].description))
        .map(([method]) => `${method.toUpperCase()} ${route}`),
    );
    expect(bare).toEqual([]);
  });

  it('types every count and position as an integer: no schema says number', () => {
    const numbers: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (typeof node !== 'object' || node === null) return;
      if ((node as { type?: unknown }).type === 'number') numbers.push(at);
      for (const [key, child] of Object.entries(node)) walk(child, `${at}.${key}`);
    };
    walk(document, '$');
    expect(numbers).toEqual([]);
  });
});
