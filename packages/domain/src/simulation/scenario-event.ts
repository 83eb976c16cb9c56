import type { YearCalendar } from '../calendar/working-day-calendar';
import type { PolicyOverrides } from '../policy/policy';
import type { QueueKind } from '../queue/queue-kind';
import type { Instant } from '../time/instant';
import type { LocalDate } from '../time/local-date';
import type { AdmissionMode, Ownership, PlaceMode, RevocationReason } from '../allocation/place';
import type { AdmissionRefusalReason, ConfirmationResult, ExtensionReason } from '../allocation/referral';

/**
 * One event of a `kezek replay` scenario (spec scenario-format.md), already parsed and validated at the
 * edge: times are instants, dates LocalDates, fixed lists checked, refs known.
 */
export type ScenarioEvent = { readonly line: number; readonly at: Instant } & ScenarioAction;

export type ScenarioAction =
  | { readonly do: 'policy'; readonly set: PolicyOverrides }
  | { readonly do: 'calendar'; readonly year: number; readonly calendar: YearCalendar }
  | {
      readonly do: 'kindergarten';
      readonly ref: string;
      readonly settlement: string;
      readonly ownership: Ownership;
    }
  | {
      readonly do: 'apply';
      readonly ref: string;
      readonly child: {
        readonly ref: string;
        readonly birthDate: LocalDate;
        readonly iin?: string;
        readonly sen: boolean;
        readonly pmpc: boolean;
      };
      readonly applicant: string;
      readonly settlement: string;
      readonly queue: QueueKind;
      readonly categories: readonly string[];
      readonly verified: boolean;
    }
  | {
      readonly do: 'verify';
      readonly application: string;
      readonly result: 'confirmed' | 'rejected';
      readonly reason?: string;
    }
  | { readonly do: 'categories'; readonly application: string; readonly categories: readonly string[] }
  | { readonly do: 'withdraw'; readonly application: string }
  | { readonly do: 'stoplist'; readonly application: string; readonly on: boolean; readonly reason?: string }
  | { readonly do: 'confirmInterest'; readonly application: string }
  | {
      readonly do: 'place';
      readonly ref: string;
      readonly kindergarten: string;
      readonly count: number;
      readonly age?: number;
      readonly birthYear?: number;
      readonly queue: QueueKind;
      readonly language?: string;
      readonly mode: PlaceMode;
      readonly admission: AdmissionMode;
      readonly freeFrom?: LocalDate;
      readonly until?: LocalDate;
      readonly startDate?: LocalDate;
    }
  | { readonly do: 'free'; readonly place: string }
  | {
      readonly do: 'revoke';
      readonly place: string;
      readonly count: number;
      readonly reason: RevocationReason;
    }
  | {
      readonly do: 'claim';
      readonly ref: string;
      readonly applications: readonly string[];
      readonly place: string;
    }
  | { readonly do: 'cancelReferral'; readonly referral: string }
  | {
      readonly do: 'extendReferral';
      readonly referral: string;
      readonly days: number;
      readonly reason: ExtensionReason;
    }
  | { readonly do: 'confirmReferral'; readonly referral: string; readonly result: ConfirmationResult }
  | { readonly do: 'admit'; readonly referral: string }
  | { readonly do: 'refuseAdmission'; readonly referral: string; readonly reason: AdmissionRefusalReason }
  | { readonly do: 'snapshot'; readonly label: string }
  | { readonly do: 'tick' };

export type ScenarioKind = ScenarioAction['do'];

/** Sibling referrals of one claim are `<ref>`, `<ref>.2`, `<ref>.3`, … in array order (R-REF-04). */
export const siblingReferralRef = (ref: string, index: number): string =>
  index === 0 ? ref : `${ref}.${index + 1}`;
