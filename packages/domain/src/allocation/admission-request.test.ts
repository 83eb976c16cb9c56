import { describe, expect, it } from 'vitest';
import { KZ_WORKING_DAY_CALENDAR } from '../calendar/kz-calendar';
import { instantAt } from '../time/instant';
import { localDate } from '../time/local-date';
import { timeOfDay } from '../time/time-of-day';
import { admissionRequestTerms, missingAdmissionDocuments } from './admission-request';

const at = (date: string, time: string) => instantAt(localDate(date), timeOfDay(time));

describe('admission on the portal (service 2)', () => {
  it('R-ADM-01: medical e-copies are required; the PMPC conclusion for a SEN child only', () => {
    const medical = [
      { kind: 'vaccinationCard065', reference: 'e-065-1' },
      { kind: 'healthCertificate027', reference: 'e-027-1', issuedOn: localDate('2026-03-02') },
    ] as const;
    expect(missingAdmissionDocuments(medical, false)).toEqual([]);
    expect(missingAdmissionDocuments(medical, true)).toEqual(['pmpcConclusion']);
    expect(missingAdmissionDocuments([{ kind: 'birthCertificate', reference: 'b-1' }], false)).toEqual([
      'vaccinationCard065',
      'healthCertificate027',
    ]);
  });

  it('R-ADM-03: registered the day it arrives; completeness due 30 minutes of working time later', () => {
    // Monday 2 March 2026, 10:00 → due 10:30 the same day.
    expect(admissionRequestTerms(at('2026-03-02', '10:00'), KZ_WORKING_DAY_CALENDAR)).toEqual({
      registeredOn: localDate('2026-03-02'),
      checkDueAt: at('2026-03-02', '10:30'),
    });
    // 12:50: ten minutes before lunch, twenty after it.
    expect(admissionRequestTerms(at('2026-03-02', '12:50'), KZ_WORKING_DAY_CALENDAR).checkDueAt).toBe(
      at('2026-03-02', '14:50'),
    );
  });

  it('R-ADM-03, R-SCOPE-09: after hours it is registered on the next working day and checked from its opening', () => {
    // Friday 6 March 2026, 20:00; Sunday 8 March is International Women's Day, moved to Monday 9 March.
    const terms = admissionRequestTerms(at('2026-03-06', '20:00'), KZ_WORKING_DAY_CALENDAR);
    expect(terms.registeredOn).toBe(localDate('2026-03-10'));
    expect(terms.checkDueAt).toBe(at('2026-03-10', '09:30'));
  });
});
