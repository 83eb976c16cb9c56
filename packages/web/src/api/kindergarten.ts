import type {
  AdmitReferral,
  KindergartenPlaces,
  PlaceView,
  ReferralList,
  ReferralView,
  RefuseAdmission,
  ReportPlaces,
  RevocationResult,
  RevokePlaces,
} from '@kezek/contracts';
import { getJson, sendJson } from './client';

/** The kindergarten staff's side: their places (R-KG-01..05) and the children referred to them (service 2). */
export const fetchKindergartenPlaces = (
  kindergartenId: string,
  signal?: AbortSignal,
): Promise<KindergartenPlaces> =>
  getJson<KindergartenPlaces>(
    `/api/kindergartens/${kindergartenId}/places`,
    undefined,
    signal ? { signal } : {},
  );

export const reportPlaces = (kindergartenId: string, body: ReportPlaces): Promise<PlaceView> =>
  sendJson<PlaceView>('POST', `/api/kindergartens/${kindergartenId}/places`, body);

export const revokePlaces = (placeId: string, body: RevokePlaces): Promise<RevocationResult> =>
  sendJson<RevocationResult>('POST', `/api/places/${placeId}/revoke`, body);

export const reportVacated = (placeId: string): Promise<PlaceView> =>
  sendJson<PlaceView>('POST', `/api/places/${placeId}/vacated`, {});

export const fetchReferredChildren = (signal?: AbortSignal): Promise<ReferralList> =>
  getJson<ReferralList>('/api/kindergarten/referrals', undefined, signal ? { signal } : {});

export const admit = (referralId: string, body: AdmitReferral): Promise<ReferralView> =>
  sendJson<ReferralView>('POST', `/api/referrals/${referralId}/admission`, body);

export const refuse = (referralId: string, body: RefuseAdmission): Promise<ReferralView> =>
  sendJson<ReferralView>('POST', `/api/referrals/${referralId}/admission-refusal`, body);
