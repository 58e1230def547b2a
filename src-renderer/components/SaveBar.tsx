import { useCallback, useState, type ReactNode } from 'react';
import { errorText } from '../i18n/errors';

/** The outcome of the last save: green when it worked, red with the server's message when not. */
export type SaveStatus = { ok: boolean; text: string } | null;

/**
 * The save-and-report loop every settings form repeats: run the save, then show `okText` or the
 * server's message (a DeskError names the field). `run` returns whether it worked.
 */
export function useSaveStatus(): { status: SaveStatus; setStatus(s: SaveStatus): void; run(save: () => Promise<unknown>, okText: string): Promise<boolean> } {
  const [status, setStatus] = useState<SaveStatus>(null);
  const run = useCallback(async (save: () => Promise<unknown>, okText: string) => {
    try {
      await save();
      setStatus({ ok: true, text: okText });
      return true;
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
      return false;
    }
  }, []);
  return { status, setStatus, run };
}

export function FormStatus({ status }: { status: SaveStatus }) {
  if (!status) return null;
  return (
    <span className={`form-status ${status.ok ? 'ok' : 'error'}`} role="status">
      {status.text}
    </span>
  );
}

/** The row under a settings form: the submit button, any extra buttons, then what happened. */
export function SaveBar(props: { label: string; testId: string; status: SaveStatus; busy?: boolean; children?: ReactNode }) {
  return (
    <div className="form-actions">
      <button type="submit" className="btn primary" disabled={props.busy} data-testid={props.testId}>
        {props.label}
      </button>
      {props.children}
      <FormStatus status={props.status} />
    </div>
  );
}

/** A label in the left column and its control on the right, inside a `.form-grid`. */
export function FormRow(props: { id: string; label: string; children: ReactNode; hint?: string }) {
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      {props.hint ? (
        <div className="form-control">
          {props.children}
          <small className="muted">{props.hint}</small>
        </div>
      ) : (
        props.children
      )}
    </>
  );
}
