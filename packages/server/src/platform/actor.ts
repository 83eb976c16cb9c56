import type { StaffRole } from '@kezek/db';

/**
 * Who is acting, as established by authentication at the edge. Use cases decide with it
 * (an applicant sees only their own children; a clerk only their district; …); routes never inspect roles.
 */
export type Actor =
  | { kind: 'public' }
  /** A scheduled job acting under the rules (archive at 6, expiries …). */
  | { kind: 'system'; job: string }
  | { kind: 'applicant'; applicantId: string; iin: string }
  | {
      kind: 'staff';
      userId: string;
      role: StaffRole;
      /** Set for clerks: the district (provider area, Order 254 §4) they serve. */
      districtKato: string | null;
      /** Set for kindergarten staff: their organisation. */
      kindergartenId: string | null;
    };

export const PUBLIC_ACTOR: Actor = { kind: 'public' };
