/** The number on the receipt: the settlement's KATO code and the registration sequence (R-ELIG-20). */
export const applicationNumber = (settlement: string, registrationSeq: number): string =>
  `${settlement}-${String(registrationSeq).padStart(7, '0')}`;
