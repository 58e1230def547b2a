import { useTranslation } from 'react-i18next';
import type { PatientCard } from '../../../src-main/contract/inbox';
import { formatDateTime, formatShortDate } from '../../i18n/format';

export function PatientPanel({ patient }: { patient: PatientCard }) {
  const { t } = useTranslation('inbox');
  const now = Date.now();
  const upcoming = patient.appointments.filter((a) => a.startsAt >= now - 3600_000).sort((a, b) => a.startsAt - b.startsAt);
  const past = patient.appointments.filter((a) => a.startsAt < now - 3600_000);
  return (
    <aside className="patient-panel" aria-label={t('patient.title')} data-testid="patient-card">
      <h3>{`${patient.firstName} ${patient.lastName}`.trim() || t('patient.unknown')}</h3>
      <dl className="facts">
        <dt>{t('patient.phones')}</dt>
        <dd>{patient.phones.map((p) => <div key={p.value}>{p.display}</div>)}</dd>
        <dt>{t('patient.language')}</dt>
        <dd>{patient.language ? t(`languages.${patient.language}`, { defaultValue: patient.language }) : '—'}</dd>
        <dt>{t('patient.preferredChannel')}</dt>
        <dd>{patient.preferredChannel ? t(`channel.${patient.preferredChannel}`) : '—'}</dd>
        <dt>{t('patient.consents')}</dt>
        <dd>
          {patient.consents.length === 0 ? '—' : patient.consents.map((c) => (
            <div key={c.kind} className={c.granted ? 'consent yes' : 'consent no'}>
              {t(`consent.${c.kind}`)}: {c.granted ? t('consent.granted') : t('consent.withdrawn')} <span className="muted">({formatShortDate(c.at)}, {c.source})</span>
            </div>
          ))}
        </dd>
      </dl>
      <h4>{t('patient.upcoming')}</h4>
      {upcoming.length === 0 ? <p className="muted">{t('patient.none')}</p> : (
        <ul className="appointments">
          {upcoming.map((a) => (
            <li key={a.id}>
              <strong>{formatDateTime(a.startsAt)}</strong> · {a.practitioner}
              <div className="muted">{a.type} · {t(`appointmentStatus.${a.status}`, { defaultValue: a.status })}</div>
            </li>
          ))}
        </ul>
      )}
      {past.length > 0 ? (
        <>
          <h4>{t('patient.past')}</h4>
          <ul className="appointments past">
            {past.slice(0, 5).map((a) => (
              <li key={a.id}>{formatShortDate(a.startsAt)} · {a.practitioner} · {a.type}</li>
            ))}
          </ul>
        </>
      ) : null}
      {patient.notes ? (
        <>
          <h4>{t('patient.notes')}</h4>
          <p className="notes">{patient.notes}</p>
        </>
      ) : null}
    </aside>
  );
}
