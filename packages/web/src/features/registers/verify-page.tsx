import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { LedgerLog } from '@kezek/contracts';
import { fetchConsistency, fetchLatestHead, fetchLedgerKey, fetchReceipt } from '../../api/registers';
import { toApiError } from '../../api/client';
import { Link, useLocation } from '../../app/router';
import { useDocumentTitle } from '../../app/use-document-title';
import { useI18n } from '../../i18n';
import { formatInstant, formatNumber } from '../../i18n/format';
import { parseVerifyQuery } from './query';
import {
  LOGS,
  claimOfJson,
  parseReceiptInput,
  verifyClaim,
  type ClaimedHead,
  type ReceiptClaim,
  type Verdict,
} from './receipt';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'invalid' }
  | { kind: 'notFound'; log: LedgerLog }
  | { kind: 'failed'; code: string }
  | { kind: 'done'; claim: ReceiptClaim; verdict: Verdict };

/** The public fields of the entry (its leaf), for the citizen to read; nothing personal is in a leaf. */
const leafFields = (leaf: string | undefined): [string, string][] => {
  if (leaf === undefined) return [];
  try {
    const parsed: unknown = JSON.parse(leaf);
    if (typeof parsed !== 'object' || parsed === null) return [];
    const record = parsed as Record<string, unknown>;
    const state = typeof record['state'] === 'object' && record['state'] !== null ? record['state'] : {};
    return [
      ['event', String(record['event'])],
      ['at', String(record['at'])],
      ...Object.entries(state).map(([key, value]): [string, string] => [key, String(value)]),
    ];
  } catch {
    return [];
  }
};

/**
 * The log's latest signed head and the consistency proof from the receipt's head to it; undefined when the receipt
 * has no head yet or the server could not be asked (the step is then shown as not checked).
 */
const latestOf = async (
  claim: ReceiptClaim,
): Promise<{ head: ClaimedHead; proof: readonly string[] } | undefined> => {
  const from = claim.head?.treeSize;
  if (from === undefined) return undefined;
  try {
    const { head } = await fetchLatestHead(claim.log);
    // A latest head smaller than the receipt's cannot extend it: no proof, and the check fails.
    const proof = head.treeSize <= from ? [] : (await fetchConsistency(claim.log, from, head.treeSize)).proof;
    return { head, proof };
  } catch {
    return undefined;
  }
};

const run = async (text: string, log: LedgerLog): Promise<Outcome> => {
  const input = parseReceiptInput(text);
  if (input.kind === 'invalid') return { kind: 'invalid' };
  let claim: ReceiptClaim;
  if (input.kind === 'leafHash') {
    try {
      const fetched = claimOfJson(await fetchReceipt(log, input.leafHash));
      if (fetched === undefined) return { kind: 'failed', code: 'BAD_RESPONSE' };
      claim = fetched;
    } catch (error) {
      const failure = toApiError(error);
      return failure.code === 'NOT_FOUND'
        ? { kind: 'notFound', log }
        : { kind: 'failed', code: failure.code };
    }
  } else claim = input.claim;
  const [publishedKey, latest] = await Promise.all([
    fetchLedgerKey().then(
      (key) => key.publicKey,
      () => undefined,
    ),
    latestOf(claim),
  ]);
  return { kind: 'done', claim, verdict: await verifyClaim(claim, { publishedKey, latest }) };
};

const Result = ({ claim, verdict }: { claim: ReceiptClaim; verdict: Verdict }) => {
  const { t, language } = useI18n();
  const pending = !verdict.ok && verdict.steps.every((step) => step.result !== 'failed');
  const state = verdict.ok ? 'verified' : pending ? 'pending' : 'failed';
  const fields = leafFields(claim.leaf);
  return (
    <section
      className={`registers-verdict registers-verdict-${state}`}
      aria-labelledby="verdict-title"
      data-verdict={state}
    >
      <h2 id="verdict-title" tabIndex={-1}>
        {t(`registers.verify.verdict.${state}`)}
      </h2>
      {verdict.ok && claim.head !== null && claim.index !== null && (
        <p data-testid="verdict-summary">
          {t('registers.verify.summary', {
            index: formatNumber(claim.index, language),
            register: t(`registers.logs.${claim.log}`),
            size: formatNumber(claim.head.treeSize, language),
            time: formatInstant(new Date(claim.head.timestamp).toISOString(), language),
          })}
        </p>
      )}
      {state === 'failed' && <p>{t('registers.verify.failedExplain')}</p>}
      {state === 'pending' && <p>{t('registers.verify.pendingExplain')}</p>}
      <h3>{t('registers.verify.stepsTitle')}</h3>
      <ol className="registers-steps">
        {verdict.steps.map((step) => (
          <li
            key={step.step}
            data-step={step.step}
            data-result={step.result}
            className={`registers-step-${step.result}`}
          >
            <span className="registers-step-mark" aria-hidden="true">
              {step.result === 'passed' ? '✓' : step.result === 'failed' ? '✗' : '–'}
            </span>
            <span>
              <strong>{t(`registers.verify.steps.${step.step}`)}</strong>
              {' — '}
              <span className="registers-step-result">{t(`registers.verify.result.${step.result}`)}</span>
              {step.result !== 'passed' && (
                <span className="registers-note">
                  {t(`registers.verify.why.${step.step}.${step.result}`)}
                </span>
              )}
            </span>
          </li>
        ))}
      </ol>
      <h3>{t('registers.verify.entryTitle')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('registers.verify.register')}</dt>
          <dd>{t(`registers.logs.${claim.log}`)}</dd>
        </div>
        {claim.index !== null && (
          <div>
            <dt>{t('registers.verify.index')}</dt>
            <dd>{formatNumber(claim.index, language)}</dd>
          </div>
        )}
        <div className="registers-wide">
          <dt>{t('registers.verify.leafHash')}</dt>
          <dd className="registers-hash">{claim.leafHash}</dd>
        </div>
        {fields.map(([key, value]) => (
          <div key={key}>
            <dt>
              <code>{key}</code>
            </dt>
            <dd className="registers-value">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
};

export const VerifyPage = () => {
  const { t } = useI18n();
  useDocumentTitle(t('registers.verify.title'));
  const id = useId();
  const { search } = useLocation();
  const linked = parseVerifyQuery(search);
  const [text, setText] = useState(linked.leaf ?? '');
  const [log, setLog] = useState<LedgerLog>(linked.log ?? 'applications');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const resultRef = useRef<HTMLDivElement>(null);

  const verify = async (value: string, inLog: LedgerLog) => {
    setOutcome({ kind: 'working' });
    const next = await run(value, inLog);
    setOutcome(next);
  };

  // A link to a register entry (`?log=…&leaf=…`) is verified on arrival.
  useEffect(() => {
    if (linked.leaf !== undefined) {
      setText(linked.leaf);
      setLog(linked.log ?? 'applications');
      void verify(linked.leaf, linked.log ?? 'applications');
    }
  }, [linked.leaf, linked.log]);

  useEffect(() => {
    if (outcome.kind === 'done') resultRef.current?.querySelector<HTMLElement>('h2')?.focus();
  }, [outcome]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void verify(text, log);
  };
  const invalid = outcome.kind === 'invalid';
  return (
    <>
      <p>
        <Link to="/registers">
          <span aria-hidden="true">← </span>
          {t('registers.heads.title')}
        </Link>
      </p>
      <div className="page-heading">
        <h1 tabIndex={-1}>{t('registers.verify.title')}</h1>
        <p className="lead">{t('registers.verify.intro')}</p>
      </div>
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby={`${id}-legend`}>
        <h2 id={`${id}-legend`} className="visually-hidden">
          {t('registers.verify.formTitle')}
        </h2>
        <div className="field">
          <label htmlFor={`${id}-receipt`}>{t('registers.verify.receipt')}</label>
          <p className="field-hint" id={`${id}-receipt-hint`}>
            {t('registers.verify.receiptHint')}
          </p>
          <textarea
            id={`${id}-receipt`}
            name="receipt"
            rows={8}
            spellCheck={false}
            className="registers-receipt-input"
            value={text}
            aria-invalid={invalid || undefined}
            aria-describedby={invalid ? `${id}-receipt-hint ${id}-receipt-error` : `${id}-receipt-hint`}
            onChange={(e) => setText(e.target.value)}
          />
          {invalid && (
            <p className="field-error" id={`${id}-receipt-error`} role="alert">
              {t('registers.verify.invalid')}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={`${id}-log`}>{t('registers.verify.log')}</label>
          <p className="field-hint" id={`${id}-log-hint`}>
            {t('registers.verify.logHint')}
          </p>
          <select
            id={`${id}-log`}
            name="log"
            value={log}
            aria-describedby={`${id}-log-hint`}
            onChange={(e) => setLog(LOGS.find((value) => value === e.target.value) ?? 'applications')}
          >
            {LOGS.map((value) => (
              <option key={value} value={value}>
                {t(`registers.logs.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={outcome.kind === 'working'}>
            {t(outcome.kind === 'working' ? 'registers.verify.working' : 'registers.verify.submit')}
          </button>
        </div>
      </form>
      <div ref={resultRef} aria-live="polite" className="registers-result" data-state={outcome.kind}>
        {outcome.kind === 'notFound' && (
          <div className="status status-error" role="alert">
            <p className="status-title">
              {t('registers.verify.notFound', { register: t(`registers.logs.${outcome.log}`) })}
            </p>
          </div>
        )}
        {outcome.kind === 'failed' && (
          <div className="status status-error" role="alert">
            <p className="status-title">{t('status.errorTitle')}</p>
            <p className="status-code">{t('status.errorCode', { code: outcome.code })}</p>
          </div>
        )}
        {outcome.kind === 'done' && <Result claim={outcome.claim} verdict={outcome.verdict} />}
      </div>
    </>
  );
};
