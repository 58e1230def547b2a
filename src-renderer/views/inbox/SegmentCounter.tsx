import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { previewSms } from '../../../src-main/domain/sms/smsSegments';
import { useSms } from '../settings/sms/smsStore';
import './segmentCounter.css';

/**
 * Live SMS cost under the composer: "2 SMS · UCS-2 because of 'ł'", the transliterated text the patient
 * will receive when the clinic turned transliteration on, and a warning above the clinic's segment limit.
 * Same pure counting as the CLI (domain/sms/smsSegments).
 */
export function SegmentCounter({ text, channel }: { text: string; channel: string }) {
  const { t } = useTranslation('sms');
  const prefs = useSms((s) => s.prefs);
  const loadPrefs = useSms((s) => s.loadPrefs);
  useEffect(() => {
    if (channel === 'sms') void loadPrefs();
  }, [channel, loadPrefs]);
  const transliterate = prefs?.transliterate ?? false;
  const p = useMemo(() => previewSms(text, { transliterate }), [text, transliterate]);
  if (channel !== 'sms' || !text) return null;
  const c = p.count;
  const max = prefs?.maxSegments ?? 3;
  const over = c.segments > max;
  return (
    <div className={`segment-counter${over ? ' over' : ''}`} data-testid="segment-counter" aria-live="polite">
      <span className="segment-main">
        {t('counter.segments', { count: c.segments })} · {c.encoding}
        {c.ucs2Because ? ` ${t('counter.because', { char: c.ucs2Because })}` : ''}
      </span>
      <span className="segment-left">{t('counter.left', { count: c.remaining })}</span>
      {over ? <span className="segment-warn" role="alert">{t('counter.overLimit', { max })}</span> : null}
      {transliterate && p.changes.length > 0 ? (
        <div className="segment-sent" data-testid="segment-transliterated">
          <strong>{t('counter.sentAs')}</strong> {p.sent}
        </div>
      ) : null}
    </div>
  );
}
