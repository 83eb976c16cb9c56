/** The clock port (DESIGN.md): only the edge reads time; use cases and jobs receive it. */
export type Clock = { now(): Date };

export const systemClock: Clock = { now: () => new Date() };

/** Starts at `start` and advances with real time — a demo server "living" on a chosen day (KEZEK_NOW). */
export function shiftedClock(start: Date, real: Clock = systemClock): Clock {
  const offset = start.getTime() - real.now().getTime();
  return { now: () => new Date(real.now().getTime() + offset) };
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
