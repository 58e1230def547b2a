import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

const KEYS: [string, string][] = [
  ['j', 'next'],
  ['k', 'previous'],
  ['/', 'search'],
  ['r', 'reply'],
  ['e', 'done'],
  ['s', 'snooze'],
  ['Ctrl+Enter', 'send'],
  ['Esc', 'escape'],
  ['?', 'sheet'],
];

/** The `?` sheet: every inbox shortcut in one place. */
export function ShortcutSheet({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('inbox');
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose} testId="shortcut-sheet">
      <dl className="shortcut-list">
        {KEYS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{t(`shortcuts.${what}`)}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
