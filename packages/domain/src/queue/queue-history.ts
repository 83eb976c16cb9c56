import { nextGSinceP, type InterleaveOptions, type QueueMember } from './ordering';
import type { QueueEvent, Snapshot } from './position-explanation';

/** A queue's membership while its history is replayed: who is queued, and the interleave counter. */
export type QueueState = { readonly members: Map<string, QueueMember>; gSinceP: number };

export const emptyQueueState = (): QueueState => ({ members: new Map(), gSinceP: 0 });

/** R-ORDER-06: what one event does to a queue's membership and counter (R-ORDER-05, -09, -10, R-REF-13). */
export function applyQueueEvent(state: QueueState, event: QueueEvent, options: InterleaveOptions): void {
  switch (event.kind) {
    case 'registered':
    case 'returned':
      state.members.set(event.member.id, event.member);
      return;
    case 'groupChanged': {
      const member = state.members.get(event.id);
      if (member !== undefined) state.members.set(event.id, { ...member, group: event.group });
      return;
    }
    case 'referred': {
      const member = state.members.get(event.id);
      if (member === undefined) return;
      if (event.temporary !== true) state.members.delete(event.id);
      state.gSinceP = nextGSinceP(state.gSinceP, member.group, {
        ...options,
        temporary: event.temporary === true,
      });
      return;
    }
    case 'withdrawn':
    case 'stopped':
    case 'archived':
      state.members.delete(event.id);
  }
}

export const snapshotOf = (state: QueueState, options: InterleaveOptions): Snapshot => ({
  ...options,
  gSinceP: state.gSinceP,
  members: [...state.members.values()],
});
