import i18next from 'i18next';
import { formatBirthDate } from '../../i18n/birthDate';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Response } from '../../../src-main/contract';
import type { PatientCard, SearchResult } from '../../../src-main/contract/inbox';
import { desk } from '../../api/client';
import { useRouter } from '../../app/router';
import { useInbox } from '../../stores/inboxStore';
import { Icon } from '../../components/Icon';
import { Dialog } from '../../components/Dialog';
import { Highlighted } from './Highlighted';
import { errorText } from '../../i18n/errors';

type Preview = Response<'patient.mergePreview'>;
type Choice = 'keep' | 'other';
type PatientHit = Extract<SearchResult, { kind: 'patient' }>;

const fullName = (p: PatientCard): string => `${p.firstName} ${p.lastName}`.trim() || p.phones[0]?.display || `#${p.id}`;

/**
 * Merge two records of one person: find the other record, see what differs, choose per field, merge.
 * Timelines, numbers, WhatsApp identities and appointments move to the kept record; the server audit-logs it.
 */
export function MergeDialog({ keep, onClose, otherId = null }: { keep: PatientCard; onClose(): void; otherId?: number | null }) {
  const { t } = useTranslation('inbox');
  const navigate = useRouter((s) => s.navigate);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PatientHit[]>([]);
  const [other, setOther] = useState<number | null>(otherId);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!query.trim()) return setHits([]);
    const timer = setTimeout(() => {
      void desk.call('inbox.search', { query, limit: 20 }).then(({ results }) =>
        setHits(results.filter((r): r is PatientHit => r.kind === 'patient' && r.patientId !== keep.id)),
      );
    }, 180);
    return () => clearTimeout(timer);
  }, [query, keep.id]);

  useEffect(() => {
    if (other === null) return setPreview(null);
    setError(null);
    desk.call('patient.mergePreview', { keepId: keep.id, otherId: other, choices }).then(setPreview, (err: unknown) => setError(errorText(err)));
  }, [other, choices, keep.id]);

  const merge = async (): Promise<void> => {
    if (other === null) return;
    setBusy(true);
    setError(null);
    try {
      const out = await desk.call('patient.merge', { keepId: keep.id, otherId: other, choices });
      onClose();
      if (out.conversationId) {
        // Messages and calls moved in from the other record: load the whole timeline again.
        await useInbox.getState().openConversation(out.conversationId);
        navigate(`/inbox/${out.conversationId}`);
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('merge.title', { name: fullName(keep) })} onClose={onClose} testId="merge-dialog">
      {preview === null ? (
        <>
          <p className="muted">{t('merge.intro')}</p>
          <input autoFocus className="dialog-input" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('merge.search')} data-testid="merge-search" />
          <ul className="pick-list">
            {hits.map((h) => (
              <li key={h.patientId}>
                <button className="result-item" onClick={() => setOther(h.patientId)} data-testid="merge-candidate" data-patient-id={h.patientId}>
                  <Icon name="user" size={15} />
                  <span className="conv-main">
                    <span className="conv-name">
                      <Highlighted text={h.name.text || t('patient.unknown')} ranges={h.name.ranges} />
                    </span>
                    {h.phone ? <span className="result-line muted">{h.phone.text}</span> : null}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <div className="merge-preview" data-testid="merge-preview">
          <div className="merge-pair">
            <div>
              <span className="muted">{t('merge.keep')}</span>
              <strong>{fullName(preview.keep)}</strong>
              <span className="muted">{preview.keep.phones.map((p) => p.display).join(', ')}</span>
            </div>
            <Icon name="merge" size={20} />
            <div>
              <span className="muted">{t('merge.other')}</span>
              <strong>{fullName(preview.other)}</strong>
              <span className="muted">{preview.other.phones.map((p) => p.display).join(', ')}</span>
            </div>
          </div>
          {preview.conflicts.length > 0 ? (
            <table className="merge-conflicts">
              <tbody>
                {preview.conflicts.map((c) => (
                  <tr key={c.field}>
                    <th>{t(`merge.fields.${c.field}`)}</th>
                    {(['keep', 'other'] as const).map((side) => (
                      <td key={side}>
                        <label>
                          <input type="radio" name={c.field} checked={c.chosen === side} onChange={() => setChoices({ ...choices, [c.field]: side })} />
                          {shownValue(c.field, side === 'keep' ? c.keep : c.other)}
                        </label>
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">{t('merge.noConflicts')}</p>
          )}
          <p className="muted">{t('merge.moves', { count: preview.addedPhones })}</p>
        </div>
      )}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="dialog-actions">
        {preview ? (
          <button className="tool-button" onClick={() => setOther(null)}>
            {t('dialog.back')}
          </button>
        ) : null}
        <span className="spacer" />
        <button className="tool-button" onClick={onClose}>
          {t('dialog.cancel')}
        </button>
        <button className="primary" onClick={() => void merge()} disabled={!preview || busy} data-testid="merge-confirm">
          <Icon name="merge" size={15} /> {t('merge.confirm')}
        </button>
      </div>
    </Dialog>
  );
}

/** A field's value as the receptionist reads it: language and channel names, dates in the UI language. */
function shownValue(field: string, value: string | null): string {
  if (!value) return '—';
  if (field === 'language') return i18next.t(`ui:languages.${value}`, { defaultValue: value });
  if (field === 'preferredChannel') return i18next.t(`inbox:channel.${value}`, { defaultValue: value });
  if (field === 'birthDate') return formatBirthDate(value);
  return value;
}
