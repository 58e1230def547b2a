import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WhatsAppStatus } from '../../../../src-main/contract/whatsapp';
import { formatDateTime } from '../../../i18n/format';
import { QrCode } from './QrCode';
import { useWhatsApp } from './whatsappStore';
import { ConfirmDialog } from '../../../components/ConfirmDialog';

const PACING_FIELDS = new Set(['minGapMs', 'maxGapMs', 'firstContactDailyCap', 'typing', 'smsFallback', 'includeGroups']);

const TONE: Record<WhatsAppStatus['state'], 'ok' | 'busy' | 'bad' | 'idle'> = {
  open: 'ok',
  connecting: 'busy',
  reconnecting: 'busy',
  idle: 'idle',
  disconnected: 'bad',
  logged_out: 'bad',
  restricted: 'bad',
};

/** The link itself: state, the linked phone, and pairing (QR or code) or logout. */
export function LinkCard({ status }: { status: WhatsAppStatus }) {
  const { t } = useTranslation('whatsapp');
  const { busy, error, errorField, pairingCode, pair, requestCode, logout } = useWhatsApp();
  const [mode, setMode] = useState<'qr' | 'code'>('qr');
  const [phone, setPhone] = useState('');
  const [confirmLogout, setConfirmLogout] = useState(false);
  const waitingForScan = status.state === 'connecting' && !status.linkedPhone;
  const linked = Boolean(status.linkedPhone) && (status.state === 'open' || status.state === 'reconnecting' || status.state === 'connecting');
  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    void requestCode(phone);
  };

  return (
    <div className="card" data-testid="whatsapp-link">
      <div className="card-head">
        <h3>{t('link.title')}</h3>
        <span className={`wa-state ${TONE[status.state]}`} data-testid="whatsapp-state">
          <i aria-hidden="true" />
          {t(`state.${status.state}`)}
        </span>
      </div>
      {status.reason && status.state !== 'open' ? <p className="muted">{t(`reason.${status.reason}`)}</p> : null}

      {status.pairAgain ? (
        <div className="wa-alert bad" role="alert" data-testid="whatsapp-pair-again">
          <strong>{t('pairAgain.title')}</strong>
          <span>{t('pairAgain.body')}</span>
        </div>
      ) : null}

      {linked ? (
        <dl className="wa-facts">
          <dt>{t('link.phone')}</dt>
          <dd data-testid="whatsapp-linked-phone">{status.linkedPhone}</dd>
          <dt>{t('link.name')}</dt>
          <dd>{status.linkedName ?? '—'}</dd>
          <dt>{t('link.pairedAt')}</dt>
          <dd>{status.pairedAt ? formatDateTime(status.pairedAt) : '—'}</dd>
        </dl>
      ) : null}

      {!status.demo && waitingForScan ? (
        <div className="wa-pairing">
          <div className="wa-tabs" role="tablist">
            <button role="tab" aria-selected={mode === 'qr'} className={mode === 'qr' ? 'on' : ''} onClick={() => setMode('qr')}>
              {t('pair.qrTab')}
            </button>
            <button role="tab" aria-selected={mode === 'code'} className={mode === 'code' ? 'on' : ''} onClick={() => setMode('code')}>
              {t('pair.codeTab')}
            </button>
          </div>
          {mode === 'qr' ? (
            <div className="wa-qr-box">
              {status.qr ? <QrCode value={status.qr} label={t('pair.qrLabel')} /> : <div className="wa-qr-wait">{t('pair.waitingQr')}</div>}
              <ol className="wa-steps">
                <li>{t('pair.step1')}</li>
                <li>{t('pair.step2')}</li>
                <li>{t('pair.step3')}</li>
              </ol>
            </div>
          ) : (
            <form className="wa-code" onSubmit={submitCode}>
              <label htmlFor="wa-phone">{t('pair.phoneLabel')}</label>
              <div className="wa-code-row">
                <input
                  id="wa-phone"
                  value={phone}
                  onChange={(e) => setPhone(e.target.value)}
                  placeholder="+39 347 123 4567"
                  aria-invalid={errorField === 'phone'}
                  data-testid="whatsapp-code-phone"
                />
                <button className="btn primary" disabled={busy || phone.trim().length < 6}>
                  {t('pair.getCode')}
                </button>
              </div>
              {pairingCode ?? status.pairingCode ? (
                <p className="wa-code-value" data-testid="whatsapp-pairing-code">
                  {(pairingCode ?? status.pairingCode)!.replace(/^(.{4})(.{4})$/, '$1-$2')}
                </p>
              ) : null}
              <p className="muted">{t('pair.codeHelp')}</p>
            </form>
          )}
        </div>
      ) : null}

      {error && !PACING_FIELDS.has(errorField ?? '') ? (
        <p className="form-status error" role="alert">
          {error}
        </p>
      ) : null}

      {!status.demo ? (
        <div className="form-actions tight">
          {!linked && !waitingForScan ? (
            <button className="btn primary" onClick={() => void pair()} disabled={busy} data-testid="whatsapp-pair">
              {status.pairAgain ? t('pair.again') : status.linkedPhone ? t('pair.reconnect') : t('pair.start')}
            </button>
          ) : null}
          {linked || waitingForScan ? (
            <button className="btn danger" onClick={() => (waitingForScan ? void logout() : setConfirmLogout(true))} disabled={busy} data-testid="whatsapp-logout">
              {waitingForScan ? t('pair.cancel') : t('link.logout')}
            </button>
          ) : null}
        </div>
      ) : null}
      {confirmLogout ? (
        <ConfirmDialog
          title={t('desk:confirm.unlinkWhatsAppTitle')}
          consequence={t('desk:confirm.unlinkWhatsAppConsequence', { phone: status.linkedPhone ?? '' })}
          confirmLabel={t('link.logout')}
          onConfirm={() => void logout()}
          onClose={() => setConfirmLogout(false)}
          testId="confirm-unlink-whatsapp"
        />
      ) : null}
    </div>
  );
}
