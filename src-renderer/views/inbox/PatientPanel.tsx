import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Request } from '../../../src-main/contract';
import type { PatientCard } from '../../../src-main/contract/inbox';
import { desk } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useToast } from '../../stores/toastStore';
import { Icon } from '../../components/Icon';
import { FeedbackScore } from '../visitLoop/FeedbackScore';
import { LanguageSelect } from '../../components/LanguageSelect';
import { formatBirthDate } from '../../i18n/birthDate';
import { formatDateTime, formatShortDate } from '../../i18n/format';
import { LanguageProposal } from './LanguageProposal';
import { MergeDialog } from './MergeDialog';
import { GdprActions } from '../audit/GdprActions';
import { AddNumber, InlineText, TagEditor } from './PatientFields';
import { serverNow } from '../../api/serverClock';

/** Where a consent came from, as stored by the server, mapped to a translation key. */
const CONSENT_SOURCE_KEYS: Record<string, string> = { form: 'form', desk: 'desk', 'opt-out keyword': 'optOut', import: 'import' };

const CONSENTS = ['whatsapp', 'sms', 'marketing'] as const;

/** The patient card beside the conversation, every field editable in place. Changes come back through `patient.updated`. */
export function PatientPanel({ patient }: { patient: PatientCard }) {
  const { t } = useTranslation('inbox');
  const [error, setError] = useState<unknown>(null);
  /** The merge dialog, with the other record already chosen when an error named it. */
  const [merging, setMerging] = useState<{ otherId: number | null } | null>(null);
  const now = serverNow();
  const upcoming = patient.appointments.filter((a) => a.startsAt >= now - 3600_000).sort((a, b) => a.startsAt - b.startsAt);
  const past = patient.appointments.filter((a) => a.startsAt < now - 3600_000).sort((a, b) => b.startsAt - a.startsAt);

  const run = async (fn: () => Promise<unknown>): Promise<void> => {
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err ?? new Error('failed'));
      throw err;
    }
  };
  // Removing a number or WhatsApp acts at once and offers Undo (adds it back) for a few seconds.
  const removeWithUndo = async (kind: 'phone' | 'whatsapp', value: string, display: string): Promise<void> => {
    try {
      await run(() => desk.call('patient.removeIdentity', { patientId: patient.id, kind, value }));
    } catch {
      return; // shown by run
    }
    useToast.getState().show(t('desk:undo.numberRemoved', { number: display }), () => desk.call('patient.addPhone', { patientId: patient.id, phone: value, kind }));
  };
  const update = (changes: Omit<Request<'patient.update'>, 'patientId'>): Promise<void> => run(() => desk.call('patient.update', { patientId: patient.id, ...changes }));
  const consentOf = (kind: (typeof CONSENTS)[number]) => patient.consents.find((c) => c.kind === kind);

  return (
    <aside className="patient-panel" aria-label={t('patient.title')} data-testid="patient-card" data-patient-id={patient.id}>
      <div className="patient-names">
        <InlineText value={patient.firstName} placeholder={t('patient.firstName')} onSave={(firstName) => update({ firstName })} testId="patient-first-name" />
        <InlineText value={patient.lastName} placeholder={t('patient.lastName')} onSave={(lastName) => update({ lastName })} testId="patient-last-name" />
      </div>
      {error ? (
        <ErrorNotice error={error} className="panel-error" testId="patient-error" onMerge={(otherId) => setMerging({ otherId })} />
      ) : null}

      <h4>{t('patient.phones')}</h4>
      <ul className="identities" data-testid="patient-phones">
        {patient.phones.map((p) => (
          <li key={p.value}>
            <Icon name="calls" size={13} /> <span>{p.display}</span>
            {p.label ? <span className="muted">· {p.label}</span> : null}
            <button className="link-button remove" onClick={() => void removeWithUndo('phone', p.value, p.display)}
              data-testid="remove-phone" aria-label={t('patient.remove', { value: p.display })}>
              <Icon name="close" size={12} />
            </button>
          </li>
        ))}
        {patient.whatsapp.map((w) => (
          <li key={w.value}>
            <Icon name="whatsapp" size={13} /> <span>{whatsappDisplay(w.value)}</span>
            <button className="link-button remove" onClick={() => void run(() => desk.call('patient.removeIdentity', { patientId: patient.id, kind: 'whatsapp', value: w.value })).catch(() => undefined)} aria-label={t('patient.remove', { value: w.value })}>
              <Icon name="close" size={12} />
            </button>
          </li>
        ))}
      </ul>
      <AddNumber onAdd={(phone, kind) => run(() => desk.call('patient.addPhone', { patientId: patient.id, phone, kind }))} />

      <dl className="facts">
        <dt>{t('patient.language')}</dt>
        <dd>
          <LanguageSelect value={patient.language ?? ''} onChange={(v) => void update({ language: v || null }).catch(() => undefined)} allowEmpty testId="patient-language" ariaLabel={t('patient.language')} />
          <LanguageProposal patientId={patient.id} current={patient.language} />
        </dd>
        <dt>{t('patient.preferredChannel')}</dt>
        <dd>
          <select
            value={patient.preferredChannel ?? ''}
            onChange={(e) => void update({ preferredChannel: (e.target.value || null) as 'whatsapp' | 'sms' | null }).catch(() => undefined)}
            data-testid="patient-channel"
            aria-label={t('patient.preferredChannel')}
          >
            <option value="">—</option>
            <option value="whatsapp">{t('channel.whatsapp')}</option>
            <option value="sms">{t('channel.sms')}</option>
          </select>
        </dd>
        <dt>{t('patient.birthDate')}</dt>
        <dd>
          <InlineText value={patient.birthDate ?? ''} placeholder="1985-03-14" onSave={(v) => update({ birthDate: v || null })} testId="patient-birth-date" display={formatBirthDate} />
        </dd>
      </dl>

      <h4>{t('patient.consents')}</h4>
      <ul className="consents" data-testid="patient-consents">
        {CONSENTS.map((kind) => {
          const c = consentOf(kind);
          return (
            <li key={kind} className={c ? (c.granted ? 'consent yes' : 'consent no') : 'consent unknown'}>
              <label>
                <input
                  type="checkbox"
                  checked={c?.granted ?? false}
                  onChange={(e) => void run(() => desk.call('patient.setConsent', { patientId: patient.id, kind, granted: e.target.checked, source: 'desk' })).catch(() => undefined)}
                  data-testid={`consent-${kind}`}
                />
                {t(`consent.${kind}`)}
              </label>
              <span className="muted consent-source" data-source={c?.source}>{c ? `${c.granted ? t('consent.granted') : t('consent.withdrawn')} · ${formatShortDate(c.at)} · ${t(`consent.source.${CONSENT_SOURCE_KEYS[c.source] ?? c.source}`, { defaultValue: c.source })}` : t('consent.unknown')}</span>
            </li>
          );
        })}
      </ul>

      <h4>{t('patient.tags')}</h4>
      <TagEditor tags={patient.tags} onChange={(tags) => update({ tags })} />

      <h4>{t('patient.notes')}</h4>
      <InlineText value={patient.notes} placeholder={t('patient.addNotes')} onSave={(notes) => update({ notes })} testId="patient-notes" multiline />

      <h4>{t('patient.upcoming')}</h4>
      {upcoming.length === 0 ? (
        <p className="muted">{t('patient.none')}</p>
      ) : (
        <ul className="appointments">
          {upcoming.map((a) => (
            <li key={a.id}>
              <strong>{formatDateTime(a.startsAt)}</strong> · {a.practitioner}
              <div className="muted">
                {a.type} · {t(`appointmentStatus.${a.status}`, { defaultValue: a.status })}
              </div>
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 ? (
        <>
          <h4>{t('patient.past')}</h4>
          <ul className="appointments past">
            {past.slice(0, 5).map((a) => (
              <li key={a.id}>
                {formatShortDate(a.startsAt)} · {a.practitioner} · {a.type}
                <FeedbackScore score={a.feedbackScore ?? null} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <div className="panel-actions">
        <button className="tool-button" onClick={() => setMerging({ otherId: null })} data-testid="patient-merge">
          <Icon name="merge" size={15} /> {t('merge.button')}
        </button>
      </div>
      {merging ? <MergeDialog keep={patient} otherId={merging.otherId} onClose={() => setMerging(null)} /> : null}
      <GdprActions patientId={patient.id} name={`${patient.firstName} ${patient.lastName}`.trim() || `#${patient.id}`} />
    </aside>
  );
}

const whatsappDisplay = (jid: string): string => {
  const digits = /^(\d+)(?::\d+)?@s\.whatsapp\.net$/.exec(jid)?.[1];
  return digits ? `+${digits}` : jid;
};
