/**
 * An electron-updater failure as an error value the UI translates (errors-updates namespace). The codes are
 * electron-updater 6's and builder-util-runtime's own (`newError(…, "ERR_UPDATER_…")`, HttpError's
 * `HTTP_ERROR_<status>`), Node's system errors (`ENOTFOUND` …) and Chromium's network errors, which Electron's
 * `net` module reports as the message (`net::ERR_INTERNET_DISCONNECTED`). Squirrel.Mac reports a bad signature
 * only in words.
 */
export type UpdateErrorReason = 'offline' | 'notPublished' | 'refused' | 'signature' | 'corrupt' | 'disk' | 'permission' | 'unknown';

export interface UpdateError {
  code: 'update_failed';
  reason: `errors-updates:${UpdateErrorReason}`;
  params: Record<string, string | number | null>;
  message: string;
}

const OFFLINE_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'ECONNABORTED', 'EPIPE']);
const NOT_PUBLISHED_CODES = new Set([
  'ERR_UPDATER_LATEST_VERSION_NOT_FOUND',
  'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
  'ERR_UPDATER_NO_PUBLISHED_VERSIONS',
  'ERR_UPDATER_RELEASE_NOT_FOUND',
  'ERR_UPDATER_ASSET_NOT_FOUND',
  'ERR_UPDATER_ZIP_FILE_NOT_FOUND',
  'ERR_UPDATER_NO_FILES_PROVIDED',
]);
const CORRUPT_CODES = new Set(['ERR_CHECKSUM_MISMATCH', 'ERR_UPDATER_INVALID_UPDATE_INFO', 'ERR_UPDATER_NO_CHECKSUM', 'ERR_UPDATER_INVALID_VERSION', 'ERR_UPDATER_INVALID_RELEASE_FEED', 'ERR_STREAM_NOT_FINISHED']);

function classify(code: string, message: string): { reason: UpdateErrorReason; params: Record<string, string | number | null> } {
  const http = /^HTTP_ERROR_(\d{3})$/.exec(code);
  if (http) return Number(http[1]) === 404 ? { reason: 'notPublished', params: {} } : { reason: 'refused', params: { status: Number(http[1]) } };
  if (OFFLINE_CODES.has(code) || /net::ERR_(INTERNET_DISCONNECTED|NAME_NOT_RESOLVED|NAME_RESOLUTION_FAILED|CONNECTION_\w+|NETWORK_\w+|TIMED_OUT|ADDRESS_UNREACHABLE|PROXY_CONNECTION_FAILED|TUNNEL_CONNECTION_FAILED)\b/.test(message) || /request timed out/i.test(message))
    return { reason: 'offline', params: {} };
  if (NOT_PUBLISHED_CODES.has(code)) return { reason: 'notPublished', params: {} };
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE' || /not signed by the application owner|code signature at url [\s\S]*?did not pass validation|code failed to satisfy specified code requirement/i.test(message))
    return { reason: 'signature', params: {} };
  if (CORRUPT_CODES.has(code) || code.startsWith('ERR_DATA_SPLITTER_') || /checksum mismatch/i.test(message)) return { reason: 'corrupt', params: {} };
  if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EROFS') return { reason: 'disk', params: {} };
  if (code === 'EACCES' || code === 'EPERM') return { reason: 'permission', params: {} };
  return { reason: 'unknown', params: {} };
}

export function updateError(err: unknown): UpdateError {
  const message = err instanceof Error ? err.message : String(err);
  const code = typeof (err as { code?: unknown } | null)?.code === 'string' ? (err as { code: string }).code : '';
  const { reason, params } = classify(code, message);
  return { code: 'update_failed', reason: `errors-updates:${reason}`, params, message };
}
