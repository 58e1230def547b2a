import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayload } from '../../../src-main/contract';
import { desk } from '../../api/client';
import { useRouter } from '../../app/router';
import { Icon } from '../../components/Icon';
import { formatAge, formatDateTime } from '../../i18n/format';
import { formatNumber } from './callFormat';
import './calls.css';
import { serverNow } from '../../api/serverClock';

type Ringing = EventPayload<'calls.ringing'>;
interface LiveCall {
  ringing: Ringing;
  answeredBy: string | null;
  ended: boolean;
}

/** How long an ended call stays on screen, so a receptionist who looked away still sees who it was. */
const LINGER_MS = 6_000;

/** "Who is calling": shown app-wide while a desk rings, from the live PBX link. */
export function IncomingCallPopup() {
  const { t } = useTranslation('calls');
  const navigate = useRouter((s) => s.navigate);
  const [calls, setCalls] = useState<LiveCall[]>([]);

  useEffect(() => {
    const offs = [
      desk.on('calls.ringing', (r) => setCalls((list) => [...list.filter((c) => c.ringing.callId !== r.callId), { ringing: r, answeredBy: null, ended: false }])),
      desk.on('calls.answered', (a) => setCalls((list) => list.map((c) => (c.ringing.callId === a.callId ? { ...c, answeredBy: a.extension ?? '' } : c)))),
      desk.on('calls.ended', (e) => {
        setCalls((list) => list.map((c) => (c.ringing.callId === e.callId ? { ...c, ended: true } : c)));
        setTimeout(() => setCalls((list) => list.filter((c) => c.ringing.callId !== e.callId)), LINGER_MS);
      }),
    ];
    return () => offs.forEach((off) => off());
  }, []);

  if (calls.length === 0) return null;
  const dismiss = (id: string) => setCalls((list) => list.filter((c) => c.ringing.callId !== id));

  return (
    <div className="call-popups" aria-live="assertive">
      {calls.map(({ ringing: r, answeredBy, ended }) => {
        const p = r.patient;
        const state = ended ? 'ended' : answeredBy !== null ? 'answered' : 'ringing';
        return (
          <article key={r.callId} className={`call-popup ${state}`} role="dialog" aria-label={t('popup.label')} data-testid="call-popup">
            <header>
              <span className="call-popup-icon">
                <Icon name="calls" size={18} />
              </span>
              <div className="call-popup-title">
                <span className="call-popup-state">
                  {t(`popup.${state}`, { extension: answeredBy || r.extension || '' })}
                </span>
                <strong data-testid="call-popup-name">{p ? p.name : t('popup.unknown')}</strong>
                <span className="muted">{formatNumber(r.number)}</span>
              </div>
              <button className="call-popup-close" onClick={() => dismiss(r.callId)} aria-label={t('popup.dismiss')}>
                ×
              </button>
            </header>
            {p ? (
              <dl className="call-popup-facts">
                <dt>{t('popup.next')}</dt>
                <dd data-testid="call-popup-next">{p.nextAppointment ? `${formatDateTime(p.nextAppointment.startsAt)} · ${p.nextAppointment.practitioner}` : t('popup.none')}</dd>
                {p.conversation ? (
                  <>
                    <dt>{t('popup.conversation')}</dt>
                    <dd>
                      {p.conversation.waitingSince
                        ? t('popup.waiting', { age: formatAge(serverNow() - p.conversation.waitingSince) })
                        : t(`popup.status.${p.conversation.status}`, { defaultValue: p.conversation.status })}
                      {p.conversation.lastPreview ? <span className="call-popup-preview">“{p.conversation.lastPreview}”</span> : null}
                    </dd>
                  </>
                ) : null}
                {p.openCallback ? (
                  <>
                    <dt>{t('popup.callback')}</dt>
                    <dd className="warn">{t('popup.missedBefore', { count: p.openCallback.missedCount })}</dd>
                  </>
                ) : null}
                {p.language ? (
                  <>
                    <dt>{t('popup.language')}</dt>
                    <dd>{p.language.toUpperCase()}</dd>
                  </>
                ) : null}
              </dl>
            ) : (
              <p className="muted call-popup-hint">{t('popup.unknownHint')}</p>
            )}
            {p?.conversationId ? (
              <footer>
                <button className="btn primary" onClick={() => navigate(`/inbox/${p.conversationId}`)} data-testid="call-popup-open">
                  {t('popup.open')}
                </button>
              </footer>
            ) : null}
          </article>
        );
      })}
    </div>
  );
}
