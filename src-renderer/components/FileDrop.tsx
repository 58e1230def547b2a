import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { decodeTextFile } from '../../src-main/domain/shared/textEncoding';
import { Icon } from './Icon';

export interface PickedFile {
  name: string;
  content: string;
}

/**
 * Pick a text export (CSV, ICS) by clicking or by dropping it on the box; hands back its name and
 * text. The real <input type="file"> stays inside so keyboard users and tests can use it directly.
 */
export function FileDrop(props: { accept: string; hint: string; testId: string; onPick(file: PickedFile | null): void | Promise<void> }) {
  const { t } = useTranslation('ui');
  const [name, setName] = useState<string | null>(null);
  const [over, setOver] = useState(false);

  const [encodingError, setEncodingError] = useState<string | null>(null);
  const take = async (f: File | undefined): Promise<void> => {
    setName(f?.name ?? null);
    setEncodingError(null);
    if (!f) return props.onPick(null);
    // Old Windows exports are Windows-1250/1252 or UTF-16, not UTF-8: read them as what they are.
    const decoded = decodeTextFile(new Uint8Array(await f.arrayBuffer()));
    if (decoded.error !== undefined) {
      setEncodingError(t('import-encoding:unreadable', { reason: decoded.error }));
      return props.onPick(null);
    }
    await props.onPick({ name: f.name, content: decoded.text });
  };
  const onDrop = (e: DragEvent<HTMLLabelElement>): void => {
    e.preventDefault();
    setOver(false);
    void take(e.dataTransfer.files[0]);
  };

  return (
    <label
      className={`file-drop${over ? ' over' : ''}${name ? ' picked' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <Icon name={name ? 'check' : 'upload'} size={18} />
      <span className="file-drop-text">
        <strong>{name ?? t('file.choose')}</strong>
        <span className="muted">{name ? t('file.change') : props.hint}</span>
        {encodingError ? (
          <span className="error" role="alert" data-testid={`${props.testId}-encoding-error`}>
            {encodingError}
          </span>
        ) : null}
      </span>
      <input type="file" accept={props.accept} data-testid={props.testId} onChange={(e) => void take(e.target.files?.[0])} />
    </label>
  );
}
