import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';

export interface DialogProps {
  title: string;
  /** A muted line under the title (what the dialog is about, the current state). */
  subtitle?: ReactNode;
  onClose(): void;
  children: ReactNode;
  testId: string;
  /**
   * Buttons at the bottom, right-aligned. Mark the main action with `className="primary"`: it takes
   * the focus as soon as it is enabled (unless the dialog has a field to type in first).
   */
  footer?: ReactNode;
  size?: 'normal' | 'wide';
  /** `alertdialog` for confirmations of something that cannot be undone. */
  role?: 'dialog' | 'alertdialog';
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
const FIELD = 'input:not([disabled]):not([type="hidden"]):not([type="checkbox"]):not([type="radio"]), select:not([disabled]), textarea:not([disabled])';

/** Open dialogs, innermost last: only the top one answers Escape and holds the focus. */
const stack: HTMLElement[] = [];

/** A date field's calendar popup lives in a portal outside the dialog but belongs to it: it keeps its own keys and focus. */
const inPopup = (n: EventTarget | null): boolean => n instanceof Element && n.closest('.dt-popover') !== null;

const focusables = (root: HTMLElement): HTMLElement[] =>
  [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);

/**
 * Every modal of the desk owns the keyboard while it is open:
 * - the focus starts on the main action (`.primary` in the footer) once it is enabled, or on the
 *   first field when there is something to type, and Tab / Shift+Tab cycle inside the dialog;
 * - Escape, the × or a click on the backdrop closes it, and the focus returns where it was;
 * - `data-dialog` tells the view-level keyboard shortcuts to leave keys typed inside alone.
 */
export function Dialog({ title, subtitle, onClose, children, testId, footer, size = 'normal', role = 'dialog' }: DialogProps) {
  const { t } = useTranslation('ui');
  const ref = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  /** Once the receptionist has moved the focus, the dialog stops placing it. */
  const placed = useRef(false);

  useEffect(() => {
    const box = ref.current!;
    const returnTo = document.activeElement as HTMLElement | null;
    stack.push(box);
    const top = (): boolean => stack[stack.length - 1] === box;

    const place = (): void => {
      if (placed.current || !top()) return;
      if (box.contains(document.activeElement) && document.activeElement !== box) {
        placed.current = true; // a field of the dialog took it already (autoFocus)
        return;
      }
      // Something to type comes first (a name, a search); otherwise the main action, once enabled.
      const field = [...box.querySelectorAll<HTMLElement>(`[data-autofocus], ${FIELD}`)].find((el) => el.offsetParent !== null);
      const primary = box.querySelector<HTMLButtonElement>('.dialog-actions .primary');
      const target = field ?? (primary && !primary.disabled ? primary : null);
      if (target) {
        target.focus();
        placed.current = true;
        return;
      }
      // Nothing to act on yet (the main action is still busy): hold the focus on the dialog itself.
      if (!box.contains(document.activeElement)) box.focus();
    };
    place();
    // The main action may be enabled a moment later (a preview still loading): focus it then.
    const observer = new MutationObserver(place);
    observer.observe(box, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });

    const onKey = (e: KeyboardEvent): void => {
      if (!top() || inPopup(e.target)) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        closeRef.current();
        return;
      }
      if (e.key !== 'Tab') return;
      placed.current = true;
      const items = focusables(box);
      if (items.length === 0) {
        e.preventDefault();
        box.focus();
        return;
      }
      const first = items[0]!;
      const last = items[items.length - 1]!;
      const inside = box.contains(document.activeElement);
      if (e.shiftKey && (document.activeElement === first || !inside || document.activeElement === box)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (document.activeElement === last || !inside)) {
        e.preventDefault();
        first.focus();
      }
    };
    // Focus that escapes (a click on the page behind, a script) is brought back.
    const onFocusIn = (e: FocusEvent): void => {
      if (!top() || box.contains(e.target as Node) || inPopup(e.target)) return;
      (focusables(box)[0] ?? box).focus();
    };
    const onPointer = (e: PointerEvent): void => {
      if (box.contains(e.target as Node)) placed.current = true;
    };
    window.addEventListener('keydown', onKey, true);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      observer.disconnect();
      window.removeEventListener('keydown', onKey, true);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('pointerdown', onPointer, true);
      stack.splice(stack.indexOf(box), 1);
      // Back to where the receptionist was (the delay box, the button that opened it).
      if (returnTo && returnTo.isConnected && returnTo !== document.body) returnTo.focus();
    };
  }, []);

  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        className={`dialog ${size}`}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId}
        data-dialog
        tabIndex={-1}
      >
        <header className="dialog-head">
          <div className="dialog-title">
            <h2 id={titleId}>{title}</h2>
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
