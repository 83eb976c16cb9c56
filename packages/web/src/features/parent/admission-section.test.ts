import type { AdmissionCase } from '@kezek/contracts';
import { describe, expect, it } from 'vitest';
import { admissionBody } from './admission-section';

const admission: AdmissionCase = {
  referralId: 'r1',
  required: ['vaccinationCard065', 'healthCertificate027'],
  signer: 'development',
  request: null,
  decision: null,
};

describe('the admission documents form (R-ADM-01, ADR 0014)', () => {
  it('names the required e-copies left empty, and sends nothing', () => {
    expect(admissionBody(admission, { vaccinationCard065: { reference: ' ', issuedOn: '' } })).toEqual({
      ok: false,
      missing: ['vaccinationCard065', 'healthCertificate027'],
    });
  });

  it('sends the filled documents, trimmed, with their dates when given; an empty optional one is left out', () => {
    expect(
      admissionBody(admission, {
        vaccinationCard065: { reference: ' 065-123 ', issuedOn: '' },
        healthCertificate027: { reference: 'spravka.pdf', issuedOn: '2026-03-01' },
        birthCertificate: { reference: '', issuedOn: '2024-01-01' },
      }),
    ).toEqual({
      ok: true,
      body: {
        documents: [
          { kind: 'vaccinationCard065', reference: '065-123' },
          { kind: 'healthCertificate027', reference: 'spravka.pdf', issuedOn: '2026-03-01' },
        ],
      },
    });
  });

  it('asks for the PMPC conclusion when the child has special educational needs', () => {
    const sen = { ...admission, required: [...admission.required, 'pmpcConclusion' as const] };
    const result = admissionBody(sen, {
      vaccinationCard065: { reference: 'a', issuedOn: '' },
      healthCertificate027: { reference: 'b', issuedOn: '' },
    });
    expect(result).toEqual({ ok: false, missing: ['pmpcConclusion'] });
  });
});
