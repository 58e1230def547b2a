import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MediaRefDto } from '../../../src-main/contract/media';
import { Icon } from '../../components/Icon';
import { useDrafts } from '../../stores/draftStore';
import { SendLater } from '../visitLoop/SendLater';
import { useInbox } from '../../stores/inboxStore';
import { uploadFile } from './uploadFile';
import { TemplatePicker } from './TemplatePicker';
import { SegmentCounter } from './SegmentCounter';
import { errorText } from '../../i18n/errors';

type Channel = 'whatsapp' | 'sms';
type Mode = 'reply' | 'note';

/**
 * Reply on the channel the patient last used (or switch), attach a file, or write an internal note.
 * Other areas hook small helpers in here with one line each (an SMS segment counter in the foot,
 * a `/` template picker over the text): they get `text`, `setText` and `channel`.
 */
export function Composer({ conversationId, defaultChannel, canWhatsApp }: { conversationId: number; defaultChannel: Channel; canWhatsApp: boolean }) {
  const { t } = useTranslation('inbox');
  const send = useInbox((s) => s.send);
  const addNote = useInbox((s) => s.addNote);
  const error = useInbox((s) => s.error);
  // The draft of this conversation (the composer is keyed by conversation): typed text, mode, channel, attachment.
  const saved = useDrafts((s) => s.drafts[conversationId]);
  const [text, setText] = useState(saved?.body ?? '');
  const [channel, setChannel] = useState<Channel>(saved?.channel ?? defaultChannel);
  const [mode, setMode] = useState<Mode>(saved?.mode ?? 'reply');
  const [attachment, setAttachment] = useState<MediaRefDto | null>(saved?.attachment ?? null);
  const touched = useRef(false);
  // Drafts load after the first paint on a reload: take the stored one if nothing was typed yet.
  useEffect(() => {
    if (touched.current) return;
    // The draft went away (sent here or on another desk): so does its text.
    if (!saved) return setText('');
    setText(saved.body);
    setMode(saved.mode);
    setAttachment(saved.attachment);
    if (saved.channel) setChannel(saved.channel);
  }, [saved]);
  useEffect(() => {
    if (!touched.current) return;
    useDrafts.getState().set(conversationId, { body: text, mode, channel: channel === defaultChannel ? null : channel, attachment });
  }, [conversationId, text, mode, channel, attachment, defaultChannel]);
  // Leaving the conversation (j/k, another screen): write the draft now rather than in half a second.
  useEffect(() => () => useDrafts.getState().flush(), []);
  const edit = <T,>(setter: (v: T) => void) => (v: T): void => {
    touched.current = true;
    setter(v);
  };
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);

  const canSend = mode === 'note' ? text.trim().length > 0 : text.trim().length > 0 || attachment !== null;
  const submit = async (): Promise<void> => {
    if (!canSend || busy || uploading) return;
    setBusy(true);
    // No draft save may land while the message is on its way: it would come back as a draft after sending.
    useDrafts.getState().hold(conversationId);
    try {
      if (mode === 'note') await addNote(text);
      else await send(text, channel, attachment ?? undefined);
      touched.current = false;
      setText('');
      setAttachment(null);
      useDrafts.getState().clear(conversationId);
    } catch {
      // the store shows the error; the text stays (and is saved as the draft) so nothing typed is lost
      useDrafts.getState().set(conversationId, { body: text, mode, channel: channel === defaultChannel ? null : channel, attachment });
    } finally {
      setBusy(false);
    }
  };
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    } else if (e.key === 'Escape') {
      e.currentTarget.blur();
    }
  };
  const attach = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    setUploadError(null);
    setUploading(true);
    try {
      edit(setAttachment)(await uploadFile(file));
    } catch (err) {
      setUploadError(errorText(err));
    } finally {
      setUploading(false);
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  return (
    <div className={`composer ${mode}`}>
      <div className="composer-bar">
        <div className="composer-modes" role="tablist" aria-label={t('composer.mode')}>
          {(['reply', 'note'] as const).map((m) => (
            <button key={m} role="tab" aria-selected={mode === m} className={`mode-tab${mode === m ? ' on' : ''}`} onClick={() => edit(setMode)(m)} data-testid={`composer-mode-${m}`}>
              <Icon name={m === 'reply' ? 'send' : 'note'} size={13} /> {t(`composer.modes.${m}`)}
            </button>
          ))}
        </div>
        {mode === 'reply' ? (
          <div className="composer-channels" role="radiogroup" aria-label={t('composer.channel')}>
            {(['whatsapp', 'sms'] as const).map((c) => (
              <button
                key={c}
                role="radio"
                aria-checked={channel === c}
                disabled={c === 'whatsapp' && !canWhatsApp}
                className={`chip ${c}${channel === c ? ' on' : ''}`}
                onClick={() => edit(setChannel)(c)}
                data-testid={`composer-channel-${c}`}
              >
                <Icon name={c} size={14} /> {t(`channel.${c}`)}
              </button>
            ))}
          </div>
        ) : (
          <span className="muted note-hint">{t('note.hint')}</span>
        )}
      </div>
      {attachment ? (
        <div className="attachment-chip" data-testid="composer-attachment">
          <Icon name="paperclip" size={14} /> {attachment.fileName ?? attachment.mime}
          <button className="link-button" onClick={() => edit(setAttachment)(null)} aria-label={t('composer.removeAttachment')}>
            <Icon name="close" size={13} />
          </button>
        </div>
      ) : null}
      <div className="composer-box">
        {mode === 'reply' ? <TemplatePicker text={text} onChange={edit(setText)} /> : null}
        {mode === 'reply' ? (
          <>
            <button className="icon-button attach" onClick={() => fileInput.current?.click()} disabled={uploading} title={t('composer.attach')} aria-label={t('composer.attach')}>
              <Icon name="paperclip" size={18} />
            </button>
            <input ref={fileInput} type="file" hidden accept="image/*,application/pdf,audio/*,video/mp4" onChange={(e) => void attach(e.target.files?.[0])} data-testid="composer-file" />
          </>
        ) : null}
        <textarea
          value={text}
          onChange={(e) => edit(setText)(e.target.value)}
          onKeyDown={onKey}
          placeholder={mode === 'note' ? t('note.placeholder') : t('composer.placeholder')}
          rows={3}
          data-testid="composer-input"
          aria-label={mode === 'note' ? t('note.placeholder') : t('composer.placeholder')}
        />
        <button className="primary send" onClick={() => void submit()} disabled={!canSend || busy || uploading} data-testid="composer-send">
          <Icon name={mode === 'note' ? 'note' : 'send'} size={16} /> {mode === 'note' ? t('note.add') : t('composer.send')}
        </button>
      </div>
      {mode === 'reply' ? <SegmentCounter text={text} channel={channel} /> : null}
      {mode === 'reply' && attachment === null ? <SendLater text={text} channel={channel} onScheduled={() => setText('')} /> : null}
      <div className="composer-foot">
        {error || uploadError ? (
          <span className="error" role="alert">
            {uploadError ?? error}
          </span>
        ) : uploading ? (
          <span className="muted">{t('composer.uploading')}</span>
        ) : (
          <span className="muted">{t('composer.hint')}</span>
        )}
      </div>
    </div>
  );
}
