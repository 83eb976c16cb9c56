import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { CATEGORIES } from '@kezek/domain';
import { fetchMyChildren, submitApplication } from '../../api/applications';
import { toApiError, type ApiError } from '../../api/client';
import { fetchSettlements } from '../../api/public';
import { errorMessage } from '../../app/error-message';
import { Field, FormError } from '../../app/form';
import { RequireActor } from '../../app/require-actor';
import { Link, navigate } from '../../app/router';
import { EmptyState, ErrorState, Loading } from '../../app/status';
import { useDocumentTitle } from '../../app/use-document-title';
import { useResource } from '../../app/use-resource';
import { useI18n } from '../../i18n';
import { formatLocalDate, localizedName } from '../../i18n/format';
import {
  DISORDERS,
  EMPTY_DRAFT,
  STEPS,
  stepOfField,
  stepProblems,
  toSubmission,
  type ApplyDraft,
  type Step,
} from './apply-form';
import { ContactFields } from './contacts-form';
import { settlementGroups } from './settlement-options';

type StepProps = {
  draft: ApplyDraft;
  set: (change: Partial<ApplyDraft>) => void;
  problem: (field: string) => string | undefined;
};

const ChildStep = ({ draft, set, problem }: StepProps) => {
  const { t, language } = useI18n();
  const children = useResource('my-children', (signal) => fetchMyChildren(signal));
  const error = problem('child.iin');
  return (
    <fieldset className="fieldset" aria-describedby={error === undefined ? undefined : 'child-error'}>
      <legend>{t('apply.childLegend')}</legend>
      <div aria-live="polite">
        {children.status === 'loading' && <Loading />}
        {children.status === 'error' && <ErrorState error={children.error} onRetry={children.retry} />}
      </div>
      {children.status === 'ready' && children.data.items.length === 0 && (
        <EmptyState title={t('apply.noChildren')} />
      )}
      {children.status === 'ready' &&
        children.data.items.map((child) => (
          <div className="choice" key={child.iin}>
            <input
              type="radio"
              id={`child-${child.iin}`}
              name="child"
              value={child.iin}
              checked={draft.childIin === child.iin}
              onChange={() => set({ childIin: child.iin })}
            />
            <label htmlFor={`child-${child.iin}`}>
              {child.fullName} · {formatLocalDate(child.birthDate, language)} ·{' '}
              {t('apply.iinShort', { iin: child.iin })}
            </label>
          </div>
        ))}
      {error !== undefined && (
        <p id="child-error" className="field-error">
          {error}
        </p>
      )}
      <div className="choice">
        <input
          type="checkbox"
          id="sen"
          name="sen"
          checked={draft.sen}
          onChange={(e) => set({ sen: e.target.checked })}
        />
        <label htmlFor="sen">{t('apply.sen')}</label>
      </div>
      <div className="choice">
        <input
          type="checkbox"
          id="pmpc"
          name="pmpcConclusion"
          checked={draft.pmpcConclusion}
          onChange={(e) => set({ pmpcConclusion: e.target.checked })}
        />
        <label htmlFor="pmpc">{t('apply.pmpc')}</label>
      </div>
    </fieldset>
  );
};

const QueueStep = ({ draft, set, problem }: StepProps) => {
  const { t } = useI18n();
  return (
    <fieldset className="fieldset">
      <legend>{t('apply.queueLegend')}</legend>
      {(['general', 'special'] as const).map((family) => (
        <div className="choice" key={family}>
          <input
            type="radio"
            id={`queue-${family}`}
            name="queueFamily"
            checked={draft.queueFamily === family}
            onChange={() => set({ queueFamily: family })}
          />
          <label htmlFor={`queue-${family}`}>{t(`apply.queue.${family}`)}</label>
        </div>
      ))}
      {draft.queueFamily === 'special' && (
        <Field label={t('apply.disorder')} hint={t('apply.disorderHint')} error={problem('queue')}>
          {(props) => (
            <select
              {...props}
              name="disorder"
              value={draft.disorder}
              onChange={(e) => set({ disorder: DISORDERS.find((d) => d === e.target.value) ?? '' })}
            >
              <option value="">{t('apply.choose')}</option>
              {DISORDERS.map((disorder) => (
                <option key={disorder} value={disorder}>
                  {t(`disorder.${disorder}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
    </fieldset>
  );
};

const CategoriesStep = ({ draft, set, problem }: StepProps) => {
  const { t, language } = useI18n();
  const toggle = (code: string, on: boolean) =>
    set({ categories: on ? [...draft.categories, code] : draft.categories.filter((c) => c !== code) });
  const error = problem('categories');
  return (
    <fieldset className="fieldset">
      <legend>{t('apply.categoriesLegend')}</legend>
      <p className="field-hint">{t('apply.categoriesHint')}</p>
      {(['O', 'P'] as const).map((group) => (
        <div key={group} className="category-group">
          <h3>{t(`apply.group${group}`)}</h3>
          {CATEGORIES.filter((category) => category.group === group).map((category) => (
            <div className="choice" key={category.code}>
              <input
                type="checkbox"
                id={`category-${category.code}`}
                name="categories"
                value={category.code}
                checked={draft.categories.includes(category.code)}
                onChange={(e) => toggle(category.code, e.target.checked)}
              />
              <label htmlFor={`category-${category.code}`}>{category.labels[language]}</label>
            </div>
          ))}
        </div>
      ))}
      {error !== undefined && <p className="field-error">{error}</p>}
      <p className="notice">{t('apply.documentsNotice')}</p>
    </fieldset>
  );
};

const loadSettlements = async (signal: AbortSignal) => settlementGroups(await fetchSettlements(signal));

const SettlementStep = ({ draft, set, problem }: StepProps) => {
  const { t, language } = useI18n();
  const groups = useResource('apply-settlements', (signal) => loadSettlements(signal));
  return (
    <fieldset className="fieldset">
      <legend>{t('apply.settlementLegend')}</legend>
      <div aria-live="polite">
        {groups.status === 'loading' && <Loading />}
        {groups.status === 'error' && <ErrorState error={groups.error} onRetry={groups.retry} />}
      </div>
      <Field label={t('apply.settlement')} hint={t('apply.settlementHint')} error={problem('settlement')}>
        {(props) => (
          <select
            {...props}
            name="settlement"
            value={draft.settlement}
            onChange={(e) => set({ settlement: e.target.value })}
          >
            <option value="">{t('apply.choose')}</option>
            {groups.data?.map((group) => (
              <optgroup key={group.kato} label={localizedName(group.name, language)}>
                {group.settlements.map((settlement) => (
                  <option key={settlement.kato} value={settlement.kato}>
                    {localizedName(settlement.name, language)}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        )}
      </Field>
    </fieldset>
  );
};

const ContactsStep = ({ draft, set, problem }: StepProps) => {
  const { t } = useI18n();
  return (
    <fieldset className="fieldset">
      <legend>{t('apply.contactsLegend')}</legend>
      <p className="field-hint">{t('apply.contactsHint')}</p>
      <ContactFields
        draft={draft}
        set={set}
        errors={{
          sms1: problem('sms1') ?? problem('smsNumbers'),
          sms2: problem('sms2'),
          email: problem('email'),
        }}
      />
    </fieldset>
  );
};

const ConsentStep = ({ draft, set, problem }: StepProps) => {
  const { t } = useI18n();
  const error = problem('consent');
  return (
    <fieldset className="fieldset">
      <legend>{t('apply.consentLegend')}</legend>
      <p>{t('apply.consentText')}</p>
      <div className="choice">
        <input
          type="checkbox"
          id="consent"
          name="consent"
          checked={draft.consent}
          aria-invalid={error === undefined ? undefined : true}
          aria-describedby={error === undefined ? undefined : 'consent-error'}
          onChange={(e) => set({ consent: e.target.checked })}
        />
        <label htmlFor="consent">{t('apply.consent')}</label>
      </div>
      {error !== undefined && (
        <p id="consent-error" className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
};

const STEP_COMPONENTS: Record<Step, (props: StepProps) => React.JSX.Element> = {
  child: ChildStep,
  queue: QueueStep,
  categories: CategoriesStep,
  settlement: SettlementStep,
  contacts: ContactsStep,
  consent: ConsentStep,
};

const newIdempotencyKey = (): string => `web-${crypto.randomUUID()}`;

const ApplyWizard = () => {
  const { t } = useI18n();
  const [draft, setDraft] = useState<ApplyDraft>(EMPTY_DRAFT);
  const [stepIndex, setStepIndex] = useState(0);
  const [shown, setShown] = useState<ReadonlySet<Step>>(new Set());
  const [failure, setFailure] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);
  // One key per filled-in form: a retry after a lost answer gets the first receipt, never a duplicate.
  const idempotencyKey = useRef(newIdempotencyKey());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const step = STEPS[stepIndex] ?? 'child';
  const problems = stepProblems(step, draft);

  const set = (change: Partial<ApplyDraft>) => {
    setDraft((previous) => ({ ...previous, ...change }));
    idempotencyKey.current = newIdempotencyKey();
    setFailure(undefined);
  };
  const problem = (field: string): string | undefined => {
    const refused = failure?.field;
    if (
      failure !== undefined &&
      refused !== undefined &&
      (refused === field || refused.startsWith(`${field}.`))
    )
      return errorMessage(t, failure);
    if (!shown.has(step)) return undefined;
    const found = problems.find((p) => p.field === field);
    return found === undefined ? undefined : t(`apply.problem.${found.key}`);
  };
  const goTo = (index: number) => {
    setStepIndex(index);
    headingRef.current?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setShown(new Set([...shown, step]));
    if (problems.length > 0) return;
    if (stepIndex < STEPS.length - 1) {
      goTo(stepIndex + 1);
      return;
    }
    setBusy(true);
    setFailure(undefined);
    try {
      const receipt = await submitApplication(toSubmission(draft), idempotencyKey.current);
      navigate(`/my/applications/${receipt.id}?submitted=1`);
    } catch (error) {
      const apiError = toApiError(error);
      setFailure(apiError);
      setBusy(false);
      if (apiError.field !== undefined) goTo(STEPS.indexOf(stepOfField(apiError.field)));
    }
  };

  const Current = STEP_COMPONENTS[step];
  return (
    <>
      <h1 tabIndex={-1}>{t('apply.title')}</h1>
      <ol className="steps" aria-label={t('apply.stepsLabel')}>
        {STEPS.map((name, index) => (
          <li
            key={name}
            aria-current={index === stepIndex ? 'step' : undefined}
            className={index < stepIndex ? 'step-done' : undefined}
          >
            {t(`apply.step.${name}`)}
          </li>
        ))}
      </ol>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)} data-step={step}>
        <h2 ref={headingRef} tabIndex={-1}>
          {t('apply.stepOf', { n: stepIndex + 1, total: STEPS.length, name: t(`apply.step.${step}`) })}
        </h2>
        <Current draft={draft} set={set} problem={problem} />
        <FormError error={failure} />
        <div className="button-row">
          {stepIndex > 0 && (
            <button type="button" className="button" onClick={() => goTo(stepIndex - 1)}>
              {t('apply.back')}
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={busy}>
            {stepIndex === STEPS.length - 1 ? t('apply.submit') : t('apply.next')}
          </button>
        </div>
      </form>
      <p>
        <Link to="/my">{t('parent.back')}</Link>
      </p>
    </>
  );
};

export const ApplyPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('apply.title'));
  return <RequireActor audience="applicant">{() => <ApplyWizard />}</RequireActor>;
};
