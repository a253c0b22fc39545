import { api, ok, type SubscriptionView, type UserView } from '../api/client';

/** A user's licenses after a change: SKU → disabled plans. */
export type LicenseSet = Map<string, string[]>;

export interface Preview {
  /** Sentences of what will be lost or change, for the confirmation. */
  lost: string[];
  /** Seats short, when the change cannot be applied. */
  blockers: string[];
}

export function licensesOf(user: UserView): LicenseSet {
  return new Map(user.licenses.map((l) => [l.skuId, l.disabledPlans]));
}

/** L2: the user has Exchange when some license includes EXCHANGE, not disabled. */
function hasExchange(set: LicenseSet, subs: SubscriptionView[]): boolean {
  return [...set].some(
    ([skuId, disabled]) =>
      subs.find((s) => s.skuId === skuId)?.servicePlans.includes('EXCHANGE') && !disabled.includes('EXCHANGE'),
  );
}

/** What L3 takes when the user stops having Exchange (or is deleted), said for the confirmation. */
function mailboxLoss(user: UserView, now: number): string[] {
  if (user.mailbox?.status !== 'active') return [];
  const purge = new Date(now + 30 * 86_400_000).toISOString().slice(0, 10);
  return [
    `The mailbox enters its 30-day grace period and is purged after ${purge} unless Exchange comes back.`,
    user.aliases.length > 0
      ? `These aliases are released for good: ${user.aliases.join(', ')}.`
      : 'The user has no aliases to release.',
    'The Lync contacts list is deleted (restorable during the grace period).',
  ];
}

/**
 * What a license change to `target` does. A change of whole SKUs is asked of the API (bulk `replace` with
 * dryRun: the ledger's own decision, seats included); plan changes and "no licenses left" follow L2/L3 here,
 * since this API has no single-command dry run.
 */
export async function previewLicenseChange(
  user: UserView,
  target: LicenseSet,
  subs: SubscriptionView[],
): Promise<Preview> {
  const current = licensesOf(user);
  const removed = [...current.keys()].filter((sku) => !target.has(sku));
  const lostSkus = removed.length > 0 ? [`Licenses removed: ${removed.join(', ')}.`] : [];
  const wholeSkus =
    target.size > 0 &&
    [...target.values()].every((plans) => plans.length === 0) &&
    [...current.values()].every((plans) => plans.length === 0);
  if (wholeSkus) {
    const result = await ok(
      api.POST('/v1/licenses/bulk', {
        body: { userIds: [user.userId], skuIds: [...target.keys()], mode: 'replace', dryRun: true },
      }),
    );
    const blockers = result.seats
      .filter((s) => s.needed > s.available)
      .map((s) => `${s.skuId}: needs ${s.needed} seat(s), ${s.available} available.`);
    const entersGrace = result.users.some((u) => u.mailboxEntersGracePeriod);
    return { lost: [...lostSkus, ...(entersGrace ? mailboxLoss(user, Date.now()) : [])], blockers };
  }
  const loses = hasExchange(current, subs) && !hasExchange(target, subs);
  return { lost: [...lostSkus, ...(loses ? mailboxLoss(user, Date.now()) : [])], blockers: [] };
}

/** What deleting the user takes (U4 and L3): every license, and the mailbox into its grace period. */
export function previewDelete(user: UserView): Preview {
  const skus = user.licenses.map((l) => l.skuId);
  return {
    lost: [...(skus.length ? [`Licenses freed: ${skus.join(', ')}.`] : []), ...mailboxLoss(user, Date.now())],
    blockers: [],
  };
}
