import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';

/**
 * The one question asked before something that cannot be undone (a provider's credentials wiped,
 * WhatsApp unlinked): the title names the action, the text names the consequence, and the focus
 * starts on Cancel, so a stray Enter loses nothing.
 */
export function ConfirmDialog(props: { title: string; consequence: string; confirmLabel: string; onConfirm(): void; onClose(): void; testId: string }) {
  const { t } = useTranslation('desk');
  return (
    <Dialog
      title={props.title}
      onClose={props.onClose}
      testId={props.testId}
      role="alertdialog"
      footer={
        <>
          <button type="button" className="secondary" onClick={props.onClose} data-autofocus data-testid="confirm-cancel">
            {t('dialog.cancel')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={() => {
              props.onConfirm();
              props.onClose();
            }}
            data-testid="confirm-ok"
          >
            {props.confirmLabel}
          </button>
        </>
      }
    >
      <p className="confirm-consequence">{props.consequence}</p>
    </Dialog>
  );
}
