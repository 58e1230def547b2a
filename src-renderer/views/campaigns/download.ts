/** Saves bytes the API returned (a zip as base64, a CSV as text) as a file through the browser's download. */
export function downloadFile(fileName: string, content: { base64: string } | { text: string; mime: string }): void {
  const blob =
    'base64' in content
      ? new Blob([Uint8Array.from(atob(content.base64), (c) => c.charCodeAt(0))], { type: 'application/zip' })
      : new Blob([content.text], { type: content.mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** An API failure shown in the user's language: the code picks the sentence, the server's message is the detail. */
export function errorText(t: (key: string, opts?: Record<string, unknown>) => string, err: unknown): string {
  const code = (err as { code?: string }).code ?? 'internal';
  const message = err instanceof Error ? err.message : String(err);
  return t(`errors.${code}`, { message, defaultValue: t('errors.internal', { message }) });
}
