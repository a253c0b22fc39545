import { Catalog, ServicePlan } from '@app/domain';
import { readFileSync } from 'node:fs';
import defaultCatalog from './default-catalog.json';

export const CATALOG = Symbol('CATALOG');

/** Loads LEDGER_CATALOG_FILE, or the shipped default; a malformed file stops start-up with its reason. */
export function loadCatalog(file?: string): Catalog {
  const source = file ? parseFile(file) : defaultCatalog;
  const plans = (source as { servicePlans?: unknown }).servicePlans;
  if (!Array.isArray(plans) || plans.length === 0) {
    throw new Error(`Catalogue ${file ?? '(default)'}: "servicePlans" must be a non-empty array`);
  }
  return new Catalog(plans.map((plan, index) => checkPlan(plan, index, file ?? '(default)')));
}

function parseFile(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Catalogue ${file} cannot be read: ${(error as Error).message}`, { cause: error });
  }
}

function checkPlan(plan: unknown, index: number, file: string): ServicePlan {
  const candidate = plan as Partial<ServicePlan>;
  const valid =
    typeof candidate?.id === 'string' &&
    /^[A-Z0-9_]{2,64}$/.test(candidate.id) &&
    typeof candidate.name === 'string' &&
    (candidate.unavailableIn === undefined ||
      (Array.isArray(candidate.unavailableIn) && candidate.unavailableIn.every((code) => /^[A-Z]{2}$/.test(code))));
  if (!valid) {
    throw new Error(
      `Catalogue ${file}: servicePlans[${index}] must be {"id": "A-Z0-9_", "name": string, "unavailableIn"?: ["XX"]}`,
    );
  }
  return { id: candidate.id!, name: candidate.name!, unavailableIn: candidate.unavailableIn ?? [] };
}
