import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Request, Response } from '../../../../src-main/contract';

type General = Response<'sms.settings'>['general'];
const LANGS = ['it', 'pl', 'en'] as const;

/** The opt-out words per language and the one confirmation sent back. */
export function OptOutPanel({ general, onSave }: { general: General; onSave: (c: Request<'sms.updateSettings'>) => Promise<void> }) {
  const { t } = useTranslation('sms');
  const [words, setWords] = useState(() => Object.fromEntries(LANGS.map((l) => [l, (general.optOutKeywords[l] ?? []).join(', ')])));
  const [texts, setTexts] = useState(() => Object.fromEntries(LANGS.map((l) => [l, general.optOutConfirmation[l] ?? ''])));

  const save = (): void => {
    const optOutKeywords = { ...general.optOutKeywords };
    const optOutConfirmation = { ...general.optOutConfirmation };
    for (const l of LANGS) {
      optOutKeywords[l] = (words[l] ?? '').split(',').map((w) => w.trim()).filter(Boolean);
      if ((texts[l] ?? '').trim()) optOutConfirmation[l] = texts[l]!.trim();
    }
    void onSave({ optOutKeywords, optOutConfirmation });
  };

  return (
    <div className="card">
      <h3>{t('optOut.title')}</h3>
      <p className="muted">{t('optOut.help')}</p>
      <div className="form-grid">
        {LANGS.map((l) => (
          <OptOutRow key={l} lang={l} label={t(`optOut.lang.${l}`)} words={words[l] ?? ''} text={texts[l] ?? ''} onWords={(v) => setWords({ ...words, [l]: v })} onText={(v) => setTexts({ ...texts, [l]: v })} />
        ))}
      </div>
      <div className="form-actions">
        <button className="btn primary" onClick={save} data-testid="sms-optout-save">
          {t('save')}
        </button>
      </div>
    </div>
  );
}

function OptOutRow(p: { lang: string; label: string; words: string; text: string; onWords(v: string): void; onText(v: string): void }) {
  const { t } = useTranslation('sms');
  return (
    <>
      <label htmlFor={`optout-${p.lang}`}>{p.label}</label>
      <div className="sms-optout">
        <input id={`optout-${p.lang}`} value={p.words} onChange={(e) => p.onWords(e.target.value)} aria-label={t('optOut.words')} />
        <textarea rows={2} value={p.text} onChange={(e) => p.onText(e.target.value)} aria-label={t('optOut.confirmation')} />
      </div>
    </>
  );
}
