/**
 * Size limits the contract and the transports share, so a request the contract accepts always fits through
 * the WebSocket and POST /api (and a larger one is refused with `too_large` before it is read).
 * - an import file (calls, appointments) travels whole as one string: at most IMPORT_FILE_MAX characters;
 * - media travel in chunks of at most 512 KiB (media.upload);
 * - one frame or request body is at most TRANSPORT_MAX bytes: room for the largest import of Latin-script
 *   text (at most 2 UTF-8 bytes a character) plus the other fields; anything larger is `too_large`.
 */
export const IMPORT_FILE_MAX = 16 * 1024 * 1024;
export const TRANSPORT_MAX = 2 * IMPORT_FILE_MAX + 64 * 1024;
