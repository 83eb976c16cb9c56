import { useState } from 'react';
import type { FormEvent } from 'react';
import type { ApplicationView } from '@kezek/contracts';
import { CATEGORIES } from '@kezek/domain';
import { changeCategories, fetchApplication } from '../../api/applications';
import { toApiError, type ApiError } from '../../api/client';
import { FormError } from '../../app/form';
import { RequireActor } from '../../app/require-actor';
import { Link } from '../../app/router';
import { Pending } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { CATEGORY_CHANGEABLE, categoriesChanged, wantedCategories } from './categories-change';

const CategoryNames = ({ codes, testId }: { codes: readonly string[]; testId: string }) => {
  const { t, language } = useI18n();
  const labels = codes.map(
    (code) => CATEGORIES.find((category) => category.code === code)?.labels[language] ?? code,
  );
  return labels.length === 0 ? (
    <span data-testid={testId}>{t('placement.categories.noneSelected')}</span>
  ) : (
    <ul data-testid={testId} className="placement-category-list">
      {labels.map((label, index) => (
        <li key={codes[index]}>{label}</li>
      ))}
    </ul>
  );
};

const CategoriesForm = ({ application }: { application: ApplicationView }) => {
  const { t, language } = useI18n();
  const [current, setCurrent] = useState(application);
  const [chosen, setChosen] = useState<string[]>(() => wantedCategories(application));
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [message, setMessage] = useState<'done' | 'doneRemoved' | 'unchanged' | undefined>();
  const changeable = CATEGORY_CHANGEABLE.includes(current.status);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!categoriesChanged(current, chosen)) {
      setMessage('unchanged');
      return;
    }
    setBusy(true);
    setFailure(undefined);
    setMessage(undefined);
    try {
      const next = await changeCategories(current.id, current.version, chosen);
      setCurrent(next);
      setChosen(wantedCategories(next));
      setMessage(next.pendingCategories.length > 0 ? 'done' : 'doneRemoved');
    } catch (error) {
      setFailure(toApiError(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <p>{t('placement.categories.intro')}</p>
      <p className="notice">{t('placement.categories.queueNote')}</p>
      <dl className="facts">
        <div>
          <dt>{t('placement.categories.confirmed')}</dt>
          <dd>
            <CategoryNames codes={current.categories} testId="confirmed-categories" />
          </dd>
        </div>
        <div>
          <dt>{t('placement.categories.pending')}</dt>
          <dd>
            <CategoryNames codes={current.pendingCategories} testId="pending-categories" />
          </dd>
        </div>
      </dl>
      <p className="form-saved" role="status">
        {message === undefined ? '' : t(`placement.categories.${message}`)}
      </p>
      {changeable ? (
        <form className="form" noValidate onSubmit={(e) => void submit(e)}>
          <fieldset className="fieldset">
            <legend>{t('placement.categories.legend')}</legend>
            {(['O', 'P'] as const).map((group) => (
              <div key={group} className="category-group">
                <h3>{t(`apply.group${group}`)}</h3>
                {CATEGORIES.filter((category) => category.group === group).map((category) => (
                  <div className="choice" key={category.code}>
                    <input
                      type="checkbox"
                      id={`change-category-${category.code}`}
                      name="categories"
                      value={category.code}
                      checked={chosen.includes(category.code)}
                      onChange={(e) =>
                        setChosen((list) =>
                          e.target.checked
                            ? [...list, category.code]
                            : list.filter((code) => code !== category.code),
                        )
                      }
                    />
                    <label htmlFor={`change-category-${category.code}`}>{category.labels[language]}</label>
                  </div>
                ))}
              </div>
            ))}
          </fieldset>
          <p className="notice">{t('apply.documentsNotice')}</p>
          <FormError error={failure} />
          <button type="submit" className="button button-primary" disabled={busy}>
            {t('placement.categories.submit')}
          </button>
        </form>
      ) : (
        <p className="muted">{t('placement.categories.notAllowed')}</p>
      )}
    </>
  );
};

const CategoriesScreen = ({ id }: { id: string }) => {
  const { t } = useI18n();
  const loaded = useResource(`application:${id}`, (signal) => fetchApplication(id, signal));
  return (
    <>
      <p>
        <Link to={`/my/applications/${id}`}>{t('placement.categories.back')}</Link>
      </p>
      {loaded.data === undefined ? (
        <>
          <h1 tabIndex={-1}>{t('placement.categories.link')}</h1>
          <Pending resource={loaded} />
        </>
      ) : (
        <>
          <h1 tabIndex={-1}>{t('placement.categories.title', { number: loaded.data.number })}</h1>
          <CategoriesForm application={loaded.data} />
        </>
      )}
    </>
  );
};

export const CategoriesPage = ({ id }: { id: string }) => {
  const { t } = useI18n();
  useDocumentTitle(t('placement.categories.link'));
  return <RequireActor audience="applicant">{() => <CategoriesScreen id={id} />}</RequireActor>;
};
