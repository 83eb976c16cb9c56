import type { ApplicationView, StopList } from '@kezek/contracts';
import type { Actor } from '../../platform/actor';
import { requireStaff } from '../auth/authorize';
import { changeApplication, type ChangeDeps } from './application-change';

const STAFF = ['clerk', 'regionalAdmin'] as const;

/** R-SYS-12: a clerk puts an application on the stop list with a reason, or lifts it (R-ORDER-10). */
export function setStopList(
  deps: ChangeDeps,
  actor: Actor,
  id: string,
  input: StopList,
  now: Date,
): Promise<ApplicationView> {
  return changeApplication(deps, actor, id, now, {
    rule: 'R-SYS-12',
    access: 'write',
    allowed: (a) => requireStaff(a, STAFF),
    from: input.on ? ['queued'] : ['stopped'],
    decide: () =>
      input.on
        ? {
            status: 'stopped',
            fields: { status_reason: input.reason },
            queueEvent: 'stopped',
            audit: { action: 'application.stopListed', data: { reason: input.reason } },
            notice: (after) => ({
              event: 'stopListOn',
              params: { applicationNumber: after.number, reason: input.reason },
            }),
          }
        : {
            status: 'queued',
            fields: { status_reason: null },
            queueEvent: 'returned',
            audit: { action: 'application.stopListLifted', data: { reason: input.reason ?? null } },
            notice: (after) => ({ event: 'stopListOff', params: { applicationNumber: after.number } }),
          },
  });
}
