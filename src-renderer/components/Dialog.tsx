import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export interface DialogProps {
  title: string;
  /** A muted line under the title (what the dialog is about, the current state). */
  subtitle?: ReactNode;
  onClose(): void;
  children: ReactNode;
  testId: string;
  /** Buttons at the bottom, right-aligned; the first is the main action. */
  footer?: ReactNode;
  size?: 'normal' | 'wide';
}

/**
 * Every modal of the desk: Escape, the × or a click on the backdrop closes it, and `data-dialog`
 * tells the view-level keyboard shortcuts to leave keys typed inside alone.
 */
export function Dialog({ title, subtitle, onClose, children, testId, footer, size = 'normal' }: DialogProps) {
  const { t } = useTranslation('ui');
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div className={`dialog ${size}`} role="dialog" aria-modal="true" aria-label={title} data-testid={testId} data-dialog>
        <header className="dialog-head">
          <div className="dialog-title">
            <h2>{title}</h2>
            {subtitle ? <div className="muted">{subtitle}</div> : null}
          </div>
          <button type="button" className="dialog-close" onClick={onClose} aria-label={t('dialog.close')}>
            <Icon name="close" size={16} />
          </button>
        </header>
        {children}
        {footer ? <footer className="dialog-actions">{footer}</footer> : null}
      </div>
    </div>
  );
}
