import type { NextFunction, Request, Response } from 'express';
import { BODY_PATH, validationFailed } from './validation';

/** Deepest nesting of objects and arrays a command body may have; the deepest real body has 3. */
export const MAX_BODY_DEPTH = 32;
/** Keys that would reach an object's prototype if a library ever merged the body into another object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** A high surrogate not followed by a low one, or a low one without a high one before it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** C0 and C1 control characters (NUL, tabs, line breaks, DEL …): no name, e-mail or id holds one. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;
/** Enough named fields for a useful answer without echoing a hostile body back at length. */
const MAX_REPORTED_FIELDS = 20;

/**
 * Refuses bodies that are not plain data before any validation library sees them (an iterative walk,
 * so no depth overflows its stack): returns `{ path: [problem] }`, empty when the body is fine.
 */
export function bodyProblems(body: unknown): Record<string, string[]> {
  // A Map, since a plain object's "__proto__" entry is its prototype, not a field.
  const problems = new Map<string, string[]>();
  const report = (path: string, problem: string) =>
    problems.set(path || BODY_PATH, [...(problems.get(path || BODY_PATH) ?? []), problem]);
  const pending: Array<{ value: unknown; path: string; depth: number }> = [{ value: body, path: '', depth: 0 }];
  while (pending.length > 0 && problems.size < MAX_REPORTED_FIELDS) {
    const { value, path, depth } = pending.pop()!;
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value)) report(path, 'must be valid Unicode (it holds a lone UTF-16 surrogate)');
      else if (CONTROL_CHARACTER.test(value)) report(path, 'must not contain control characters');
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth === MAX_BODY_DEPTH) {
      report(path, `is nested deeper than ${MAX_BODY_DEPTH} levels`);
      continue;
    }
    for (const key of Object.keys(value)) {
      const child = path === '' ? key : `${path}.${key}`;
      if (PROTOTYPE_KEYS.has(key)) report(child, 'is a reserved property name and not allowed');
      else if (LONE_SURROGATE.test(key) || CONTROL_CHARACTER.test(key))
        report(path, 'has a property name that is not valid Unicode text');
      else pending.push({ value: (value as Record<string, unknown>)[key], path: child, depth: depth + 1 });
    }
  }
  return Object.fromEntries(problems);
}

/** Express middleware right after the JSON parser: a body that is not plain data is a 400 ValidationFailed. */
export function bodyGate(req: Request, _res: Response, next: NextFunction): void {
  const problems = bodyProblems(req.body);
  next(Object.keys(problems).length === 0 ? undefined : validationFailed(problems));
}
