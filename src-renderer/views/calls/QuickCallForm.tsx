import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallDto } from '../../../src-main/contract/calls';
import { desk } from '../../api/client';
import { formatNumber } from './callFormat';
import { errorText } from '../../i18n/errors';

type Result = CallDto['result'];
const RESULTS: Result[] = ['answered', 'missed', 'abandoned', 'voicemail', 'busy'];
/** Alt+letter picks a result without leaving the keyboard. */
const RESULT_KEYS: Record<string, Result> = { a: 'answered', m: 'missed', n: 'abandoned', v: 'voicemail', b: 'busy' };
const resultsFor = (d: 'in' | 'out'): Result[] => (d === 'out' ? RESULTS.filter((r) => r !== 'abandoned') : RESULTS);

interface Suggestion {
  patientId: number;
  name: string;
  phone: string | null;
}

/**
 * Logging a call in a few keystrokes: type the number (or a name and pick the patient), Alt+I / Alt+O for
 * in/out, Alt+A/M/N/V/B for the result, an optional note, Enter. Focus returns to the number for the next one.
 */
export function QuickCallForm({ focusKey }: { focusKey: number }) {
  const { t } = useTranslation('calls');
  const who = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [patient, setPatient] = useState<Suggestion | null>(null);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [highlight, setHighlight] = useState(0);
  const [direction, setDirection] = useState<'in' | 'out'>('in');
  const [result, setResult] = useState<Result>('answered');
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => who.current?.focus(), [focusKey]);

  // A name (letters) searches patients; a number is taken as typed.
  useEffect(() => {
    if (patient || !/\p{L}{2,}/u.test(text)) {
      setSuggestions([]);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void desk.call('inbox.search', { query: text, limit: 6 }).then((r) => {
        if (!live) return;
        const list: Suggestion[] = [];
        for (const x of r.results) if (x.kind === 'patient') list.push({ patientId: x.patientId, name: x.name.text, phone: x.phone?.text ?? null });
        setSuggestions(list);
        setHighlight(0);
      });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, patient]);

  const pick = (s: Suggestion) => {
    setPatient(s);
    setText(s.name);
    setSuggestions([]);
  };

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const r = await desk.call('calls.add', {
        ...(patient ? { patientId: patient.patientId } : { number: text }),
        direction,
        result,
        note,
      });
      const name = r.call.patientName ?? formatNumber(r.call.number);
      // An outgoing answered call closes the caller's callback task: say so, not "added to the callback list".
      const task = r.callbackTask;
      const message = !task ? t('quick.saved', { name }) : task.closedAt === null ? t('quick.savedWithTask', { name }) : t('desk:quick.callbackClosed', { name });
      setStatus({ ok: true, text: message });
      setText('');
      setPatient(null);
      setNote('');
      // The next call starts from the most common case again.
      setDirection('in');
      setResult('answered');
      who.current?.focus();
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  // Only a caller can hang up while waiting: "abandoned" (Alt+N) is not offered for outgoing calls.
  const chooseDirection = (d: 'in' | 'out'): void => {
    setDirection(d);
    if (!resultsFor(d).includes(result)) setResult('answered');
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey && !e.ctrlKey && !e.metaKey) {
      const key = e.key.toLowerCase();
      if (key === 'i' || key === 'o') {
        e.preventDefault();
        chooseDirection(key === 'i' ? 'in' : 'out');
        return;
      }
      const r = RESULT_KEYS[key];
      if (r && resultsFor(direction).includes(r)) {
        e.preventDefault();
        setResult(r);
      }
    }
  };

  const onWhoKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (suggestions.length === 0) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setHighlight((h) => (h + (e.key === 'ArrowDown' ? 1 : suggestions.length - 1)) % suggestions.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      pick(suggestions[highlight]!);
    } else if (e.key === 'Escape') setSuggestions([]);
  };

  return (
    <form className="quick-call" onSubmit={submit} onKeyDown={onKeyDown} aria-label={t('quick.title')} data-testid="quick-call">
      <div className="quick-who">
        <label htmlFor="quick-who" className="sr-only">{t('quick.who')}</label>
        <input
          id="quick-who"
          ref={who}
          value={text}
          placeholder={t('quick.who')}
          autoComplete="off"
          onChange={(e) => {
            setText(e.target.value);
            setPatient(null);
          }}
          onKeyDown={onWhoKeyDown}
          data-testid="quick-who"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={suggestions.length > 0}
          aria-label={t('quick.who')}
        />
        {patient ? <span className="quick-picked">{patient.phone ?? ''}</span> : null}
        {suggestions.length > 0 ? (
          <ul className="quick-suggestions" role="listbox">
            {suggestions.map((s, i) => (
              <li key={s.patientId} role="option" aria-selected={i === highlight} className={i === highlight ? 'on' : ''} onMouseDown={() => pick(s)}>
                <strong>{s.name}</strong> <span className="muted">{s.phone}</span>
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="segmented" role="radiogroup" aria-label={t('quick.direction')}>
        {(['in', 'out'] as const).map((d) => (
          <button key={d} type="button" role="radio" aria-checked={direction === d} className={direction === d ? 'on' : ''} onClick={() => chooseDirection(d)} title={`Alt+${d === 'in' ? 'I' : 'O'}`} data-testid={`quick-dir-${d}`}>
            {t(`direction.${d}`)}
          </button>
        ))}
      </div>
      <label htmlFor="quick-result" className="sr-only">{t('quick.result')}</label>
      <select id="quick-result" value={result} onChange={(e) => setResult(e.target.value as Result)} data-testid="quick-result">
        {resultsFor(direction).map((r) => (
          <option key={r} value={r}>
            {t(`result.${r}`)} (Alt+{Object.entries(RESULT_KEYS).find(([, v]) => v === r)![0].toUpperCase()})
          </option>
        ))}
      </select>
      <label htmlFor="quick-note" className="sr-only">{t('quick.note')}</label>
      <input id="quick-note" className="quick-note" value={note} placeholder={t('quick.note')} onChange={(e) => setNote(e.target.value)} maxLength={2000} data-testid="quick-note" />
      <button type="submit" className="btn primary" disabled={busy || text.trim() === ''} data-testid="quick-save">
        {t('quick.save')} <kbd>⏎</kbd>
      </button>
      {status ? (
        <span className={`quick-status ${status.ok ? 'ok' : 'error'}`} role="status" data-testid="quick-status">
          {status.text}
        </span>
      ) : null}
    </form>
  );
}
