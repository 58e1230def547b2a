import type * as Baileys from '@whiskeysockets/baileys';

/**
 * The one door to Baileys. Baileys 7 is ESM-only while the main process is bundled to CommonJS,
 * so it is loaded with a dynamic import(), and only when WhatsApp is actually configured: the rest
 * of the app (and demo mode) never loads it. Everything else in this folder imports Baileys for
 * types only.
 */
export type BaileysLib = typeof Baileys;

let loading: Promise<BaileysLib> | null = null;

export function loadBaileys(): Promise<BaileysLib> {
  loading ??= import('@whiskeysockets/baileys');
  return loading;
}
