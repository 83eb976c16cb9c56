import type { ReactNode } from 'react';
import type { Overview } from '@kezek/contracts';
import { useI18n } from '../../i18n';
import { localizedName } from '../../i18n/format';
import { percentOf } from './query';

/**
 * The settlements one can choose, grouped by region, from the public overview (its districts are the
 * settlements of the demo's city). While the overview is missing, a chosen code still shows as itself.
 */
export const SettlementOptions = ({
  overview,
  chosen,
}: {
  overview: Overview | undefined;
  chosen?: string;
}) => {
  const { language } = useI18n();
  return (
    <>
      {overview?.regions.map((region) => (
        <optgroup key={region.kato} label={localizedName(region.name, language)}>
          {region.districts.map((district) => (
            <option key={district.kato} value={district.kato}>
              {localizedName(district.name, language)}
            </option>
          ))}
        </optgroup>
      ))}
      {chosen !== undefined && overview === undefined && <option value={chosen}>{chosen}</option>}
    </>
  );
};

/** A bar as wide as the value's share; decoration only — the number next to it carries the meaning. */
export const Bar = ({ value, total }: { value: number; total: number }) => (
  <span className="registers-bar" aria-hidden="true">
    <span className="registers-bar-fill" style={{ width: `${percentOf(value, total)}%` }} />
  </span>
);

/**
 * A register's table that becomes a stack of cards on a phone: a scrollable region named by its caption (hidden,
 * for screen readers) or, with no caption, by the heading `id` names.
 */
export const StackTable = ({
  id,
  testId,
  caption,
  children,
}: {
  id: string;
  testId: string;
  caption?: string;
  children: ReactNode;
}) => (
  <div className="table-scroll registers-stack-scroll" role="region" aria-labelledby={id} tabIndex={0}>
    <table className="data-table registers-stack" data-testid={testId}>
      {caption !== undefined && (
        <caption id={id} className="visually-hidden">
          {caption}
        </caption>
      )}
      {children}
    </table>
  </div>
);
