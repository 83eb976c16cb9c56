import { applicationKey } from '../allocation/claim';
import { freeUnitIndexes, placeStatus } from '../allocation/place';
import {
  windowOpeningAfter,
  windowPhase,
  type AllocationWindow,
  type WindowPhase,
} from '../allocation/window';
import { formatInstant } from '../time/instant';
import { canClaimNow, queueOrders } from './queue-view';
import { currentPolicy, type World } from './world';

export type WindowView = {
  readonly phase: WindowPhase;
  readonly until: string | null;
  readonly access: readonly string[];
};

/** The scenario-format `state`: queues, applications, referrals, places and windows. */
export type StateView = {
  readonly queues: Record<string, readonly string[]>;
  readonly applications: Record<
    string,
    { readonly status: string; readonly position: number | null; readonly queue: string }
  >;
  readonly referrals: Record<
    string,
    {
      readonly status: string;
      readonly application: string;
      readonly place: string;
      readonly validUntil: string | null;
    }
  >;
  readonly places: Record<string, { readonly free: number; readonly status: string }>;
  readonly window: Record<string, WindowView>;
};

/**
 * Scenario format `window`: the phase of the latest window of the key, its end, and who may claim now —
 * the frozen set minus those who can no longer claim (priority), or the first `leftoverFirstN` (leftover).
 */
function windowView(world: World, window: AllocationWindow, order: readonly string[]): WindowView {
  const policy = currentPolicy(world);
  const phase = windowPhase(window, world.now);
  const canClaim = (id: string): boolean => canClaimNow(world, id);
  switch (phase) {
    case 'none':
      return {
        phase,
        until: formatInstant(window.opensAt ?? windowOpeningAfter(world.now, policy, world.calendar)),
        access: [],
      };
    case 'priority':
      return {
        phase,
        until: window.closesAt === undefined ? null : formatInstant(window.closesAt),
        access: window.access.filter(canClaim),
      };
    case 'leftover':
      return { phase, until: null, access: order.slice(0, policy.leftoverFirstN).filter(canClaim) };
  }
}

export function renderState(world: World): StateView {
  const orders = queueOrders(world);
  const latest = new Map<string, AllocationWindow>();
  for (const window of world.windows) latest.set(window.key, window);
  return {
    queues: Object.fromEntries(orders),
    applications: Object.fromEntries(
      [...world.applications.values()].map((application) => {
        const queue = applicationKey(application);
        const index =
          application.status === 'queued' ? (orders.get(queue) ?? []).indexOf(application.id) : -1;
        return [
          application.id,
          { status: application.status, position: index < 0 ? null : index + 1, queue },
        ];
      }),
    ),
    referrals: Object.fromEntries(
      [...world.referrals.values()].map((referral) => [
        referral.id,
        {
          status: referral.status,
          application: referral.application,
          place: referral.place,
          validUntil: referral.validUntil ?? null,
        },
      ]),
    ),
    places: Object.fromEntries(
      [...world.places.values()].map((place) => [
        place.id,
        { free: freeUnitIndexes(place).length, status: placeStatus(place) },
      ]),
    ),
    window: Object.fromEntries(
      [...latest].map(([key, window]) => [key, windowView(world, window, orders.get(key) ?? [])]),
    ),
  };
}
