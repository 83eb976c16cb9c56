import type { AdmissionCase } from '@kezek/contracts';
import { useI18n } from '../../i18n';
import { formatLocalDate } from '../../i18n/format';

export type AdmissionKind = AdmissionCase['required'][number];
type Documents = NonNullable<AdmissionCase['request']>['documents'];

/** A document kind of Annex 4 in the reader's language. */
export const useKindName = (): ((kind: AdmissionKind) => string) => {
  const { t } = useI18n();
  return (kind) => t(`placement.admission.kinds.${kind}`);
};

/** The e-copies of a portal request (R-ADM-01), as the parent and the kindergarten both see them. */
export const AdmissionDocumentList = ({ documents }: { documents: Documents }) => {
  const { language } = useI18n();
  const kindName = useKindName();
  return (
    <ul className="admission-documents">
      {documents.map((document) => (
        <li key={document.kind} data-kind={document.kind}>
          {kindName(document.kind)}: {document.reference}
          {document.issuedOn !== null && ` · ${formatLocalDate(document.issuedOn, language)}`}
        </li>
      ))}
    </ul>
  );
};
