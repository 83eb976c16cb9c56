import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, stepOfField, stepProblems, toSubmission } from './apply-form';

const complete = {
  ...EMPTY_DRAFT,
  childIin: '220410500019',
  settlement: '751110000',
  sms1: '+7 701 234 56 78',
  consent: true,
};

describe('apply wizard', () => {
  it('each step names what is missing, with the field the API would name', () => {
    expect(stepProblems('child', EMPTY_DRAFT)).toEqual([{ field: 'child.iin', key: 'chooseChild' }]);
    expect(stepProblems('queue', { ...EMPTY_DRAFT, queueFamily: 'special' })).toEqual([
      { field: 'queue', key: 'chooseDisorder' },
    ]);
    expect(stepProblems('settlement', EMPTY_DRAFT)).toEqual([
      { field: 'settlement', key: 'chooseSettlement' },
    ]);
    expect(stepProblems('contacts', EMPTY_DRAFT)).toEqual([{ field: 'sms1', key: 'contactRequired' }]);
    expect(stepProblems('contacts', { ...EMPTY_DRAFT, sms1: '123' })).toEqual([
      { field: 'sms1', key: 'mobile' },
    ]);
    for (const step of ['child', 'queue', 'categories', 'settlement', 'contacts', 'consent'] as const)
      expect(stepProblems(step, complete)).toEqual([]);
  });

  it('R-ELIG-18: no submission without the consent to the use of protected personal data', () => {
    expect(stepProblems('consent', { ...complete, consent: false })).toEqual([
      { field: 'consent', key: 'consentRequired' },
    ]);
  });

  it('builds the portal submission: the special queue of a disorder, contacts without spaces', () => {
    expect(
      toSubmission({ ...complete, queueFamily: 'special', disorder: 'hearing', categories: ['teacher'] }),
    ).toEqual({
      channel: 'portal',
      child: { iin: '220410500019', sen: false, pmpcConclusion: false },
      settlement: '751110000',
      queue: 'special:hearing',
      categories: ['teacher'],
      smsNumbers: ['+77012345678'],
      language: 'kk',
      consent: true,
    });
    expect(toSubmission(complete).queue).toBe('general');
  });

  it('takes the user back to the step of the field the API refused', () => {
    expect(stepOfField('child.iin')).toBe('child');
    expect(stepOfField('smsNumbers.1')).toBe('contacts');
    expect(stepOfField('settlement')).toBe('settlement');
    expect(stepOfField('categories')).toBe('categories');
    expect(stepOfField(undefined)).toBe('consent');
  });
});
