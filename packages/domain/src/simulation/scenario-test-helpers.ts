import type { QueueKind } from '../queue/queue-kind';
import { instant } from '../time/instant';
import { localDate } from '../time/local-date';
import { replay, type ReplayOutput } from './replay';
import type { ScenarioAction, ScenarioEvent } from './scenario-event';

/** Test scenarios in code: `[local time, action]` pairs, numbered from line 1. */
export const scenario = (steps: ReadonlyArray<readonly [string, ScenarioAction]>): ScenarioEvent[] =>
  steps.map(([at, action], index) => ({ line: index + 1, at: instant(at), ...action }));

export const run = (steps: ReadonlyArray<readonly [string, ScenarioAction]>): ReplayOutput =>
  replay(scenario(steps));

export const kindergarten = (ref: string, ownership: 'state' | 'private' = 'state'): ScenarioAction => ({
  do: 'kindergarten',
  ref,
  settlement: '751110000',
  ownership,
});

export const apply = (
  ref: string,
  birthDate: string,
  options: {
    categories?: string[];
    applicant?: string;
    verified?: boolean;
    sen?: boolean;
    pmpc?: boolean;
    queue?: QueueKind;
    child?: string;
  } = {},
): ScenarioAction => ({
  do: 'apply',
  ref,
  child: {
    ref: options.child ?? `c-${ref}`,
    birthDate: localDate(birthDate),
    sen: options.sen ?? false,
    pmpc: options.pmpc ?? false,
  },
  applicant: options.applicant ?? `p-${ref}`,
  settlement: '751110000',
  queue: options.queue ?? 'general',
  categories: options.categories ?? [],
  verified: options.verified ?? true,
});

export const place = (
  ref: string,
  kindergartenRef: string,
  count: number,
  options: {
    age?: number;
    admission?: 'general' | 'earlyBooking' | 'temporary';
    freeFrom?: string;
    until?: string;
    startDate?: string;
  } = {},
): ScenarioAction => ({
  do: 'place',
  ref,
  kindergarten: kindergartenRef,
  count,
  age: options.age ?? 4,
  queue: 'general',
  mode: 'full',
  admission: options.admission ?? 'general',
  freeFrom: options.freeFrom === undefined ? undefined : localDate(options.freeFrom),
  until: options.until === undefined ? undefined : localDate(options.until),
  startDate: options.startDate === undefined ? undefined : localDate(options.startDate),
});

export const claim = (ref: string, applications: string | string[], placeRef: string): ScenarioAction => ({
  do: 'claim',
  ref,
  applications: typeof applications === 'string' ? [applications] : applications,
  place: placeRef,
});

/** The final state, and the outcome of the event on `line`. */
export const finalState = (output: ReplayOutput) => output.final.state;
export const outcome = (output: ReplayOutput, line: number) =>
  output.events.find((event) => event.line === line);
