import { useEffect } from 'react';
import { useRouter } from '../../app/router';
import { useInbox, useSearch } from '../../stores/inboxStore';
import { markDoneWithUndo } from './undoableStatus';

/** Keys never steal typing: inside a field, or while a dialog is open, only the field sees them. */
function typing(e: KeyboardEvent): boolean {
  const el = e.target as HTMLElement | null;
  if (!el) return false;
  return el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || document.querySelector('[data-dialog]') !== null;
}

/**
 * The receptionist's keys: j/k next/previous conversation, / search, r reply, e done, s snooze,
 * ? the shortcut sheet (Ctrl+Enter sends, in the composer).
 */
export function useInboxKeys(o: { selectedId: number | null; focusSearch(): void; toggleSheet(): void }): void {
  const navigate = useRouter((s) => s.navigate);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.ctrlKey || e.metaKey || e.altKey || typing(e)) return;
      const inbox = useInbox.getState();
      const move = (step: number): void => {
        const search = useSearch.getState();
        if (search.query.trim()) {
          // While searching, j/k walk the results (and open each, a message highlighted in its timeline).
          const id = search.choose(search.cursor + step);
          if (id) navigate(`/inbox/${id}`);
          return;
        }
        const { items } = inbox;
        if (items.length === 0) return;
        const at = items.findIndex((c) => c.id === o.selectedId);
        const next = at < 0 ? 0 : Math.min(items.length - 1, Math.max(0, at + step));
        useInbox.setState({ focusMessageId: null });
        navigate(`/inbox/${items[next]!.id}`);
        if (next >= items.length - 5) void inbox.loadMore();
      };
      const open = inbox.open && inbox.open.conversation.id === o.selectedId ? inbox.open : null;
      switch (e.key) {
        case 'j':
          move(1);
          break;
        case 'k':
          move(-1);
          break;
        case '/':
          o.focusSearch();
          break;
        case 'r':
          if (!open) return;
          document.querySelector<HTMLTextAreaElement>('[data-testid="composer-input"]')?.focus();
          break;
        case 'e':
          if (!open) return;
          void markDoneWithUndo().catch(() => undefined);
          break;
        case 's':
          if (!open) return;
          useInbox.setState({ snoozeOpen: true });
          break;
        case '?':
          o.toggleSheet();
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [o, navigate]);
}
