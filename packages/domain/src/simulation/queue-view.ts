import { applicationGroup, type Application } from '../allocation/application';
import { applicationKey } from '../allocation/claim';
import { isLive } from '../allocation/referral';
import { hasWindowAccess, windowPhase, type AllocationWindow, type WindowPhase } from '../allocation/window';
import { orderQueue } from '../queue/ordering';
import { currentPolicy, type World } from './world';

/** R-ORDER-11, R-ORDER-06: the order is recomputed from the queued applications of each key. */
export function queueOrders(world: World): Map<string, string[]> {
  const byKey = new Map<string, Application[]>();
  for (const application of world.applications.values()) {
    if (application.status !== 'queued') continue;
    const key = applicationKey(application);
    byKey.set(key, [...(byKey.get(key) ?? []), application]);
  }
  const policy = currentPolicy(world);
  const orders = new Map<string, string[]>();
  for (const [key, members] of byKey) {
    const ordered = orderQueue(
      members.map((application) => ({
        id: application.id,
        group: applicationGroup(application),
        submittedAt: application.submittedAt,
        registrationSeq: application.registrationSeq,
      })),
      {
        generalPerPriority: policy.generalPerPriority,
        interleave: policy.interleave,
        gSinceP: world.gSinceP.get(key) ?? 0,
      },
    );
    orders.set(
      key,
      ordered.map((member) => member.id),
    );
  }
  return orders;
}

export const queueOrder = (world: World, key: string): string[] => queueOrders(world).get(key) ?? [];

/** R-REF-11: one live referral per child across its queues. */
export const childHasLiveReferral = (world: World, child: string): boolean =>
  [...world.referrals.values()].some((referral) => referral.child === child && isLive(referral));

/** Whether a queued application could claim now (R-WIN-04 skips the others). */
export const canClaimNow = (world: World, id: string): boolean => {
  const application = world.applications.get(id);
  return application?.status === 'queued' && !childHasLiveReferral(world, application.child.id);
};

/** The window a published unit belongs to: the one of its bulletin and queue key. */
export const windowOfUnit = (
  world: World,
  key: string,
  bulletin: number | undefined,
): AllocationWindow | undefined =>
  world.windows.find(
    (window) => window.key === key && bulletin !== undefined && window.bulletins.includes(bulletin),
  );

/** R-WIN-06, R-WIN-07: the phase of a unit's window and whether the application may claim in it now. */
export function unitAccess(
  world: World,
  key: string,
  bulletin: number | undefined,
  application: string,
): { readonly phase: WindowPhase; readonly access: boolean } {
  const window = windowOfUnit(world, key, bulletin);
  if (window === undefined) return { phase: 'none', access: false };
  const phase = windowPhase(window, world.now);
  const order = phase === 'leftover' ? queueOrder(world, key) : [];
  const position = order.indexOf(application);
  return {
    phase,
    access: hasWindowAccess(
      window,
      application,
      world.now,
      position < 0 ? undefined : position + 1,
      currentPolicy(world),
    ),
  };
}
