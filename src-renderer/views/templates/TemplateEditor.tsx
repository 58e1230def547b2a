import { useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../src-main/contract/templates';
import { countSegments } from '../../../src-main/domain/sms/smsSegments';
import { checkTemplateBody } from '../../../src-main/domain/templates/validateTemplate';
import { ApiError, desk } from '../../api/client';
import { useRouter } from '../../app/router';
import { TemplatePreview } from './TemplatePreview';
import { templateName } from './templateName';
import { useTemplates } from './templatesStore';

interface Draft {
  name: string;
  shortcode: string;
  category: string;
  variants: Record<string, string>;
}

type Problem = { where: string; message: string } | null;

/** Edits one template: name, /shortcode, category, one text per language with variables; saved only when valid. */
export function TemplateEditor({ template }: { template: TemplateSummary | null }) {
  const { t, i18n } = useTranslation('templates');
  const { languages, variables, categories, load } = useTemplates();
  const navigate = useRouter((s) => s.navigate);
  const [draft, setDraft] = useState<Draft>(
    template
      ? { name: templateName(template), shortcode: template.shortcode, category: template.category, variants: { ...template.variants } }
      : { name: '', shortcode: '', category: 'general', variants: {} },
  );
  // Start on the text in the desk's own language: the one the receptionist reads best.
  const [language, setLanguage] = useState<string>(languages.includes(i18n.language) ? i18n.language : (languages[0] ?? 'it'));
  const [problem, setProblem] = useState<Problem>(null);
  const [warnings, setWarnings] = useState<Array<{ language: string; message: string }>>([]);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const area = useRef<HTMLTextAreaElement>(null);

  const body = draft.variants[language] ?? '';
  // The same checks as at save, live and in the desk's language; the server still has the last word.
  const issues = useMemo(() => Object.fromEntries(languages.map((l) => [l, checkTemplateBody(draft.variants[l] ?? '')])), [languages, draft.variants]);
  const sms = countSegments(body);
  const setBody = (text: string) => {
    setDraft({ ...draft, variants: { ...draft.variants, [language]: text } });
    setStatus('idle');
  };
  const insertVariable = (name: string) => {
    const el = area.current;
    const at = el ? el.selectionStart : body.length;
    const end = el ? el.selectionEnd : body.length;
    const token = `{{${name}}}`;
    setBody(body.slice(0, at) + token + body.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setStatus('saving');
    setProblem(null);
    try {
      const r = await desk.call('templates.save', { ...(template ? { id: template.id } : {}), ...draft });
      setWarnings(r.warnings.map((w) => ({ language: w.language, message: w.message })));
      setStatus('saved');
      await load();
      if (!template) navigate(`/templates/${r.template.id}`);
    } catch (err) {
      setStatus('idle');
      const field = err instanceof ApiError ? (err.field ?? '') : '';
      const [head, lang] = field.split('.');
      if (head === 'variants' && lang) setLanguage(lang);
      const where = head === 'variants' && lang ? t('editor.text', { language: t(`languages.${lang}`, { defaultValue: lang }) }) : t(`fields.${head || 'name'}`, { defaultValue: head });
      const message = (err as Error).message.replace(/^[\w.]+: /, '');
      setProblem({ where, message });
    }
  };
  const remove = async () => {
    if (!template || !window.confirm(t('editor.confirmDelete', { name: templateName(template) }))) return;
    await desk.call('templates.delete', { id: template.id });
    await load();
    navigate('/templates');
  };

  const otherCodes = template?.shortcodes.filter((s) => s.shortcode !== template.shortcode).map((s) => `/${s.shortcode}`) ?? [];
  return (
    <div className="tpl-editor-wrap">
      <form
        className="tpl-editor"
        onSubmit={save}
        onKeyDown={(e) => {
          // Ctrl+S / Cmd+S saves, as in every editor.
          if (e.key === 's' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            e.currentTarget.requestSubmit();
          }
        }}
        data-testid="template-editor"
      >
        <div className="tpl-fields">
          <label>
            <span>{t('editor.name')}</span>
            <input value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} maxLength={80} data-testid="template-name" />
          </label>
          <label>
            <span>{t('editor.shortcode')}</span>
            <span className="tpl-shortcode">
              <b>/</b>
              <input value={draft.shortcode.replace(/^\//, '')} onChange={(e) => setDraft({ ...draft, shortcode: e.target.value })} maxLength={33} data-testid="template-shortcode" />
            </span>
          </label>
          <label>
            <span>{t('editor.category')}</span>
            <select value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value })} data-testid="template-category">
              {categories.map((c) => (
                <option key={c} value={c}>
                  {t(`categories.${c}`, { defaultValue: c })}
                </option>
              ))}
            </select>
          </label>
        </div>
        {otherCodes.length > 0 ? <p className="muted tpl-codes">{t('editor.otherShortcodes', { list: otherCodes.join(' ') })}</p> : null}

        <div className="tpl-langs" role="tablist">
          {languages.map((l) => {
            const has = (draft.variants[l] ?? '').trim() !== '';
            return (
              <button
                type="button"
                key={l}
                role="tab"
                aria-selected={l === language}
                className={`tpl-lang${l === language ? ' on' : ''}${has ? '' : ' empty'}${issues[l]?.some((i) => i.severity === 'error') ? ' invalid' : ''}`}
                onClick={() => setLanguage(l)}
                title={has ? t(`languages.${l}`) : `${t(`languages.${l}`)} — ${t('editor.missingLanguage')}`}
                data-testid={`template-lang-${l}`}
              >
                {l.toUpperCase()}
              </button>
            );
          })}
        </div>
        <label className="sr-only" htmlFor="tpl-body">{t('editor.text', { language: t(`languages.${language}`) })}</label>
        <textarea id="tpl-body" ref={area} className="tpl-body" value={body} onChange={(e) => setBody(e.target.value)} rows={8} data-testid="template-body" />
        {(issues[language] ?? []).map((issue, i) => (
          <div key={i} className={`tpl-issue ${issue.severity}`} data-testid="template-issue">
            {issue.code === 'malformed_placeholder'
              ? t('issues.malformed', { text: issue.subject, example: '{{patient.first_name}}' })
              : t(issue.code === 'unknown_variable' ? 'issues.unknown' : 'issues.unknownWithFallback', { name: `{{${issue.subject}}}` })}
            {issue.suggestion ? (
              <>
                {' '}
                {t('issues.didYouMean', { name: `{{${issue.suggestion}}}` })}{' '}
                <button type="button" className="link-button" onClick={() => setBody(body.split(`{{${issue.subject}`).join(`{{${issue.suggestion}`))} data-testid="template-issue-fix">
                  {t('issues.fix')}
                </button>
              </>
            ) : null}
          </div>
        ))}
        <div className="tpl-counter muted">{t('editor.segments', { chars: sms.characters, segments: sms.segments, encoding: sms.encoding })}</div>

        <div className="tpl-vars">
          <span className="muted">{t('editor.variables')}:</span>
          {variables.map((v) => (
            <button type="button" key={v} className="chip" onClick={() => insertVariable(v)} title={`{{${v}}}`}>
              {t(`variables.${v}`, { defaultValue: v })}
            </button>
          ))}
          <p className="muted tpl-hint">{t('editor.variablesHint', { example: '{{patient.first_name|…}}' })}</p>
        </div>

        {problem ? (
          <div className="tpl-problem" role="alert" data-testid="template-error">
            <strong>{t('editor.errorIn', { where: problem.where })}</strong> {problem.message}
          </div>
        ) : null}
        {warnings.map((w, i) => (
          <div key={i} className="tpl-warning" role="status">
            <strong>{t('editor.warning', { language: t(`languages.${w.language}`, { defaultValue: w.language }) })}</strong> {w.message}
          </div>
        ))}
        <div className="form-actions">
          <button type="submit" className="btn primary" disabled={status === 'saving'} data-testid="template-save">
            {status === 'saving' ? t('editor.saving') : t('editor.save')}
          </button>
          {status === 'saved' ? <span className="form-status ok" role="status">{t('editor.saved')}</span> : null}
          <span className="spacer" />
          {template ? (
            <button type="button" className="btn danger" onClick={() => void remove()} data-testid="template-delete">
              {t('editor.delete')}
            </button>
          ) : null}
        </div>
      </form>
      <TemplatePreview variants={draft.variants} language={language} />
    </div>
  );
}
