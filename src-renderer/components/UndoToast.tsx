import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/errors';
import { useToast } from '../stores/toastStore';

/** The toast at the bottom of the window: what was just done, and Undo (also Ctrl+Z while it shows). */
export function UndoToast() {
  const { t } = useTranslation('desk');
  const toast = useToast((s) => s.toast);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!toast?.undo) return;
    const onKey = (e: KeyboardEvent): void => {
      const el = e.target as HTMLElement | null;
      const typing = !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
      if (!typing && (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z') {
        e.preventDefault();
        void undo();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  if (!toast && !error) return null;
  async function undo(): Promise<void> {
    if (!toast?.undo) return;
    const run = toast.undo;
    useToast.getState().dismiss(toast.id);
    try {
      await run();
      setError(null);
    } catch (err) {
      setError(errorText(err));
    }
  }
  return (
    <div className="undo-toast" role="status" aria-live="polite" data-testid="undo-toast">
      <span>{toast ? toast.text : error}</span>
      {toast?.undo ? (
        <button type="button" className="undo-button" onClick={() => void undo()} data-testid="undo-button" aria-keyshortcuts="Control+Z">
          {t('undo.button')}
        </button>
      ) : null}
      <button type="button" className="undo-close" onClick={() => (toast ? useToast.getState().dismiss(toast.id) : setError(null))} aria-label={t('undo.close')}>
        ×
      </button>
    </div>
  );
}
