import type { AdmissionCase, RequestAdmission } from '@kezek/contracts';
import { getJson, sendJson } from './client';

/** Service 2 on the portal: a referral's admission case, seen by the parent and by the kindergarten. */
export const fetchAdmissionCase = (referralId: string, signal?: AbortSignal): Promise<AdmissionCase> =>
  getJson<AdmissionCase>(`/api/referrals/${referralId}/admission`, undefined, signal ? { signal } : {});

/** R-ADM-01, R-ADM-03: the parent sends the e-copies of the admission documents. */
export const requestAdmission = (referralId: string, body: RequestAdmission): Promise<AdmissionCase> =>
  sendJson<AdmissionCase>('POST', `/api/referrals/${referralId}/admission-request`, body);
