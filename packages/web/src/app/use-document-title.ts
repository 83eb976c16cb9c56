import { useEffect } from 'react';
import { useI18n } from '../i18n';

export const useDocumentTitle = (page: string): void => {
  const { t } = useI18n();
  const title = t('app.documentTitle', { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
};
