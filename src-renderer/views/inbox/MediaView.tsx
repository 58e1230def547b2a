import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { desk } from '../../api/client';
import { Icon } from '../../components/Icon';

export interface MessageMedia {
  sha256: string;
  mime: string;
  size: number;
  fileName?: string | null;
}

/** Reads the media reference a message carries in its meta (set by channels and by the composer). */
export function mediaOf(meta: Record<string, unknown> | null): MessageMedia | null {
  const m = meta?.media as Partial<MessageMedia> | undefined;
  if (!m || typeof m.sha256 !== 'string' || typeof m.mime !== 'string') return null;
  return { sha256: m.sha256, mime: m.mime, size: Number(m.size ?? 0), fileName: m.fileName ?? null };
}

/** Object URLs by content hash: a file shown twice is fetched once per window. */
const urls = new Map<string, Promise<string>>();

function mediaUrl(sha256: string): Promise<string> {
  let url = urls.get(sha256);
  if (!url) {
    url = desk.call('media.get', { sha256 }).then(({ mime, dataBase64 }) => {
      const bytes = Uint8Array.from(atob(dataBase64), (c) => c.charCodeAt(0));
      return URL.createObjectURL(new Blob([bytes], { type: mime }));
    });
    url.catch(() => urls.delete(sha256));
    urls.set(sha256, url);
  }
  return url;
}

const kb = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

/** An image thumbnail (click to open full size), a PDF link or a voice-note player inside a bubble. */
export function MediaView({ media }: { media: MessageMedia }) {
  const { t } = useTranslation('inbox');
  const [url, setUrl] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let live = true;
    mediaUrl(media.sha256).then(
      (u) => live && setUrl(u),
      () => live && setFailed(true),
    );
    return () => {
      live = false;
    };
  }, [media.sha256]);

  if (failed) return <div className="media-missing muted">{t('media.missing')}</div>;
  const name = media.fileName ?? t('media.file');
  if (media.mime.startsWith('image/')) {
    return (
      <a className="media-image" href={url ?? undefined} target="_blank" rel="noreferrer" data-testid="media-image">
        {url ? <img src={url} alt={name} loading="lazy" /> : <span className="media-loading" />}
      </a>
    );
  }
  if (media.mime.startsWith('audio/')) {
    return (
      <div className="media-audio" data-testid="media-audio">
        {url ? <audio controls preload="metadata" src={url} /> : <span className="media-loading small" />}
      </div>
    );
  }
  if (media.mime.startsWith('video/')) {
    return <div className="media-image">{url ? <video controls preload="metadata" src={url} data-testid="media-video" /> : <span className="media-loading" />}</div>;
  }
  return (
    <a className="media-doc" href={url ?? undefined} download={name} target="_blank" rel="noreferrer" data-testid="media-document">
      <Icon name="file" size={22} />
      <span>
        <strong>{name}</strong>
        <span className="muted">{media.mime === 'application/pdf' ? 'PDF' : media.mime} · {kb(media.size)}</span>
      </span>
    </a>
  );
}
