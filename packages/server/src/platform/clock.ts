/** The clock port (DESIGN.md): only the edge reads time; use cases and jobs receive it. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/**
 * A demo server's clock (KEZEK_NOW): starts at `start` and advances with real time. On a development server it can
 * also jump forward (DEVELOPMENT ONLY), so a demo or a browser test lives through
 * an 18:00 bulletin and a 07:00 window in minutes (POST /api/dev/clock). Never backwards: jobs and records assume
 * time only moves on.
 */
export type TravellingClock = Clock & { travelTo(to: Date): void };

export function travellingClock(start: Date, real: Clock = systemClock): TravellingClock {
  let offset = start.getTime() - real.now().getTime();
  const now = () => new Date(real.now().getTime() + offset);
  return {
    now,
    travelTo: (to) => {
      const ahead = to.getTime() - now().getTime();
      if (ahead < 0) throw new RangeError('the clock only moves forward');
      offset += ahead;
    },
  };
}

/** A clock tests move by hand. */
export type ManualClock = Clock & { set(to: Date): void; advance(ms: number): void };

export function manualClock(start: Date): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (to) => (current = to.getTime()),
    advance: (ms) => (current += ms),
  };
}
