import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../src-main/contract/templates';
import { filterTemplates } from '../../../src-main/domain/templates/templatePicker';
import { Icon } from '../../components/Icon';
import { useRouter } from '../../app/router';
import { formatShortDate } from '../../i18n/format';
import { TemplateEditor } from './TemplateEditor';
import { templateName } from './templateName';
import { useTemplates } from './templatesStore';
import './templates.css';

/** The library of canned replies: the list on the left (search, counts), the editor and preview on the right. */
export function TemplatesView({ templateId }: { templateId: number | 'new' | null }) {
  const { t } = useTranslation('templates');
  const { items, languages, loaded, load } = useTemplates();
  const navigate = useRouter((s) => s.navigate);
  const [query, setQuery] = useState('');
  useEffect(() => {
    void load();
  }, [load]);

  const shown = useMemo(() => {
    if (!query.trim()) return items;
    const entries = items.map((i) => ({ ...i, name: templateName(i), shortcodes: i.shortcodes.map((s) => s.shortcode) }));
    const ids = filterTemplates(entries, query.replace(/^\//, ''), 200).map((e) => e.id);
    return ids.map((id) => items.find((i) => i.id === id)!).filter(Boolean);
  }, [items, query]);

  const selected: TemplateSummary | null = typeof templateId === 'number' ? (items.find((i) => i.id === templateId) ?? null) : null;
  const open = templateId === 'new' ? 'new' : (selected ?? (loaded && templateId === null ? (items[0] ?? null) : null));

  return (
    <div className="templates">
      <aside className="tpl-list" aria-label={t('title')}>
        <div className="tpl-list-head">
          <h1>{t('title')}</h1>
          <button className="btn primary" onClick={() => navigate('/templates/new')} data-testid="template-new">
            + {t('new')}
          </button>
        </div>
        <label className="tpl-search">
          <Icon name="search" size={15} />
          <input value={query} onChange={(e) => setQuery(e.target.value)} placeholder={t('search')} aria-label={t('search')} data-testid="template-search" />
        </label>
        <ul className="tpl-items" data-testid="template-list">
          {shown.map((item) => {
            const done = languages.filter((l) => (item.variants[l] ?? '').trim() !== '').length;
            const active = open !== 'new' && open?.id === item.id;
            return (
              <li key={item.id}>
                <button className={`tpl-item${active ? ' selected' : ''}`} onClick={() => navigate(`/templates/${item.id}`)} data-testid={`template-item-${item.shortcode}`}>
                  <span className="tpl-item-top">
                    <strong>{templateName(item)}</strong>
                    <code>/{item.shortcode}</code>
                  </span>
                  <span className="tpl-item-bottom muted">
                    <span className={`cat cat-${item.category}`}>{t(`categories.${item.category}`, { defaultValue: item.category })}</span>
                    <span>{t('languagesCount', { done, total: languages.length })}</span>
                    <span title={item.lastUsedAt ? t('lastUsed', { when: formatShortDate(item.lastUsedAt) }) : t('never')}>{t('uses', { count: item.usageCount })}</span>
                  </span>
                </button>
              </li>
            );
          })}
          {loaded && shown.length === 0 ? <li className="muted tpl-empty">{t('empty')}</li> : null}
        </ul>
      </aside>
      <section className="tpl-main">
        {open ? <TemplateEditor key={open === 'new' ? 'new' : open.id} template={open === 'new' ? null : open} /> : <p className="muted">{t('intro')}</p>}
      </section>
    </div>
  );
}
