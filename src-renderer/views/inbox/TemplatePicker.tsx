import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposedTextDto, TemplateSummary } from '../../../src-main/contract/templates';
import { filterTemplates, insertAtToken, slashTokenAt, type SlashToken } from '../../../src-main/domain/templates/templatePicker';
import { desk } from '../../api/client';
import { useInbox } from '../../stores/inboxStore';
import { templateName } from '../templates/templateName';
import { useTemplates } from '../templates/templatesStore';
import '../templates/templates.css';

const pickerEntry = (t: TemplateSummary) => ({ ...t, name: templateName(t), codes: t.shortcodes, shortcodes: t.shortcodes.map((s) => s.shortcode) });

/** The shortcode to show: the one being typed, preferring the patient's language, then the main one. */
function shownShortcode(entry: ReturnType<typeof pickerEntry>, language: string | null, query: string): string {
  const q = query.toLowerCase();
  const ordered = [...entry.codes].sort((a, b) => Number(b.language === language) - Number(a.language === language) || Number(a.language !== null) - Number(b.language !== null));
  return (ordered.find((c) => c.shortcode.startsWith(q)) ?? ordered.find((c) => c.shortcode.includes(q)) ?? ordered[0])?.shortcode ?? entry.shortcode;
}

interface Inserted extends ComposedTextDto {
  patientLanguage: string | null;
}

/**
 * The composer's "/" picker, keyboard only: typing "/" (at the start or after a space) opens the replies
 * filtered by what follows; ↑↓ choose, Enter or Tab insert the text in the patient's language (the server
 * fills the variables and says when it fell back to another language), Esc closes. The inserted text stays
 * editable. It attaches to the composer's textarea from inside the composer box, so the composer only
 * renders <TemplatePicker text={text} onChange={setText} />.
 */
export function TemplatePicker({ text, onChange }: { text: string; onChange(next: string): void }) {
  const { t } = useTranslation('templates');
  const anchor = useRef<HTMLDivElement>(null);
  const { items, loaded, load } = useTemplates();
  const conversationId = useInbox((s) => s.open?.conversation.id ?? null);
  const patientLanguage = useInbox((s) => s.open?.patient.language ?? null);
  const [caret, setCaret] = useState(0);
  const [active, setActive] = useState(0);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [inserted, setInserted] = useState<Inserted | null>(null);

  useEffect(() => {
    if (!loaded) void load();
  }, [loaded, load]);

  const token: SlashToken | null = useMemo(() => slashTokenAt(text, Math.min(caret, text.length)), [text, caret]);
  const open = token !== null && token.start !== dismissedAt && conversationId !== null;
  const matches = useMemo(() => (open ? filterTemplates(items.map(pickerEntry), token.query) : []), [items, open, token]);
  useEffect(() => setActive(0), [token?.query]);
  // The notice about the inserted text goes once the text is gone (sent or cleared).
  useEffect(() => {
    if (inserted && !text.includes(inserted.text.slice(0, 20))) setInserted(null);
  }, [text, inserted]);

  const insert = async (templateId: number, at: SlashToken, area: HTMLTextAreaElement) => {
    if (conversationId === null) return;
    const composed = await desk.call('templates.compose', { templateId, conversationId });
    const next = insertAtToken(area.value, at, composed.text);
    onChange(next.text);
    setInserted({ ...composed, patientLanguage });
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(next.caret, next.caret);
      setCaret(next.caret);
    });
  };

  // Listen on the composer box in the capture phase, so Enter picks a reply instead of reaching the composer.
  const state = useRef({ open, matches, active, token });
  state.current = { open, matches, active, token };
  useEffect(() => {
    const box = anchor.current?.parentElement;
    const area = box?.querySelector('textarea');
    if (!box || !area) return;
    const track = () => setCaret(area.selectionStart);
    const onKey = (e: KeyboardEvent) => {
      const s = state.current;
      if (e.target !== area || !s.open || !s.token) return;
      if (e.key === 'Escape') {
        setDismissedAt(s.token.start);
      } else if (e.key === 'ArrowDown' && s.matches.length > 0) {
        setActive((s.active + 1) % s.matches.length);
      } else if (e.key === 'ArrowUp' && s.matches.length > 0) {
        setActive((s.active - 1 + s.matches.length) % s.matches.length);
      } else if ((e.key === 'Enter' || e.key === 'Tab') && !e.shiftKey && !e.ctrlKey && !e.metaKey && s.matches[s.active]) {
        void insert(s.matches[s.active]!.id, s.token, area);
      } else {
        return;
      }
      e.preventDefault();
      e.stopPropagation();
    };
    box.addEventListener('keydown', onKey, true);
    area.addEventListener('keyup', track);
    area.addEventListener('click', track);
    area.addEventListener('input', track);
    area.addEventListener('select', track);
    return () => {
      box.removeEventListener('keydown', onKey, true);
      area.removeEventListener('keyup', track);
      area.removeEventListener('click', track);
      area.removeEventListener('input', track);
      area.removeEventListener('select', track);
    };
    // insert reads only stable values and the state ref
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [conversationId]);

  const languageName = (l: string | null) => (l ? t(`languages.${l}`, { defaultValue: l }) : '—');
  return (
    <div ref={anchor} className="tpl-picker-anchor">
      {open ? (
        <div className="tpl-picker" role="listbox" aria-label={t('picker.label')} data-testid="template-picker">
          {matches.length === 0 ? (
            <div className="tpl-picker-empty">{t('picker.empty', { query: token.query })}</div>
          ) : (
            <ul>
              {matches.map((m, i) => (
                <li
                  key={m.id}
                  role="option"
                  aria-selected={i === active}
                  onMouseDown={(e) => {
                    e.preventDefault();
                    const area = anchor.current?.parentElement?.querySelector('textarea');
                    if (area) void insert(m.id, token, area);
                  }}
                  data-testid={`picker-item-${m.shortcode}`}
                >
                  <code>/{shownShortcode(m, patientLanguage, token.query)}</code>
                  <strong>{m.name}</strong>
                  <span className="snippet">{t(`categories.${m.category}`, { defaultValue: m.category })}</span>
                </li>
              ))}
            </ul>
          )}
          <div className="tpl-picker-foot">{t('picker.hint')}</div>
        </div>
      ) : null}
      {inserted ? (
        <div className="tpl-inserted-line" data-testid="template-inserted">
          {inserted.fellBack ? (
            <span className="tpl-inserted warn">⚠ {t('picker.fellBack', { patientLanguage: languageName(inserted.patientLanguage), language: languageName(inserted.language) })}</span>
          ) : (
            <span className="tpl-inserted muted">{t('picker.inserted', { language: languageName(inserted.language) })}</span>
          )}
          {inserted.missing.length > 0 ? (
            <span className="tpl-inserted error"> · {t('picker.missing', { list: inserted.missing.map((m) => `{{${m}}}`).join(', ') })}</span>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
