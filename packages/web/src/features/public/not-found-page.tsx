import { Link } from '../../app/router';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n';

export const NotFoundPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page-heading">
      <h1 tabIndex={-1}>{t('notFound.title')}</h1>
      <p className="lead">{t('notFound.text')}</p>
      <p>
        <Link to="/" className="button">
          {t('notFound.home')}
        </Link>
      </p>
    </div>
  );
};
