import { localDate, makeIin } from '@kezek/domain';

/** What the parent journey leaves for the clerk journey (the tests run in order against one server). */
export const handoff: { pendingNumber: string | undefined } = { pendingNumber: undefined };

/** The demo's staff password and the Almaly district clerk (packages/server/src/features/demo/seed-demo.ts). */
export { DEMO_PASSWORD } from '../../packages/server/src/features/demo/seed-demo';
export const CLERK_LOGIN = 'clerk.almaly';
/** Almaly district of the demo city: the clerk above serves it. */
export const ALMALY_KATO = '751110000';

/** A parent the development individuals database knows; a fresh one per run of the suite. */
export const PARENT_IIN = makeIin(localDate('1991-04-12'), 'female', 4321);
