/**
 * A notification about an application (R-NOTIF-01..04), handed to the outbox in the use case's transaction.
 * `template` names a message template; `params` fill its placeholders.
 */
export type ApplicationNotice = {
  template: string;
  applicationId: string;
  language: 'kk' | 'ru';
  smsNumbers: readonly string[];
  email: string | null;
  params: Record<string, string | number>;
};

export type Notify = (notice: ApplicationNotice) => Promise<void>;
