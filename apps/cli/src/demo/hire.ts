import { randomUUID } from 'node:crypto';
import { DEPARTMENTS, FIRST, LAST, LOCATIONS, capitalize } from './roster';
import type { DemoScenario } from './scenario';
import { ESSENTIALS, EXCHANGE_ONLY, PREMIUM, PROPLUS, licenseFor } from './skus';

/** A new user with a unique name, sometimes an alias, a department and a license; undefined if refused. */
export async function hire(scenario: DemoScenario): Promise<string | undefined> {
  const { rng, options } = scenario;
  const { first, last, name } = uniqueName(scenario);
  const userId = randomUUID();
  const withoutLocation = rng.chance(0.03);
  // U1: an alias nobody holds as a name or an alias.
  const alias = `${first[0]}.${last}@${options.domain}`;
  const current = await scenario.state();
  const aliasFree = !current.aliases.has(alias) && !current.principalNames.has(alias);
  const usageLocation = rng.pick(LOCATIONS);
  const created = await scenario.run(scenario.admin(), {
    type: 'CreateUser',
    data: {
      userId,
      userPrincipalName: `${name}@${options.domain}`,
      displayName: `${capitalize(first)} ${capitalize(last)}`,
      ...(withoutLocation ? {} : { usageLocation }),
      ...(rng.chance(0.25) && aliasFree ? { aliases: [alias] } : {}),
    },
  });
  if (!created) return undefined;
  scenario.tally.usersCreated++;
  scenario.department.set(userId, rng.pick(DEPARTMENTS));
  // U2: a user without a usage location gets one before any license.
  if (withoutLocation) await scenario.run(scenario.admin(), { type: 'UpdateUser', data: { userId, usageLocation } });
  const user = (await scenario.state()).users.get(userId)!;
  const roll = rng.next();
  const skuId = roll < 0.55 ? PREMIUM : roll < 0.85 ? ESSENTIALS : roll < 0.95 ? EXCHANGE_ONLY : PROPLUS;
  const extra = skuId === ESSENTIALS && rng.chance(0.3) ? [PROPLUS] : [];
  for (const sku of [skuId, ...extra]) await scenario.ensureSeats(sku);
  await scenario.run(scenario.admin(), {
    type: 'AssignLicense',
    data: { userId, addLicenses: [skuId, ...extra].map((sku) => licenseFor(user, sku)), removeLicenses: [] },
  });
  return userId;
}

/** first.last, or first.lastNN when taken. */
function uniqueName({ rng, usedNames }: DemoScenario) {
  let first: string;
  let last: string;
  let name: string;
  do {
    first = rng.pick(FIRST);
    last = rng.pick(LAST);
    name = `${first}.${last}`;
    if (usedNames.has(name)) name = `${name}${rng.int(2, 99)}`;
  } while (usedNames.has(name));
  usedNames.add(name);
  return { first, last, name };
}
