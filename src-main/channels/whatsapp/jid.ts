/**
 * WhatsApp addresses. A person is `<digits>@s.whatsapp.net` (their phone number, "PN") or, since
 * 2025, `<opaque>@lid` (a "linked identity" that hides the number). Either may carry a device
 * suffix (`48601234567:12@s.whatsapp.net`). Groups end in `@g.us`, status posts in `status@broadcast`.
 */
export interface JidParts {
  user: string;
  server: string;
  device: number | null;
}

export function decodeJid(jid: string | null | undefined): JidParts | null {
  if (!jid) return null;
  const at = jid.indexOf('@');
  if (at <= 0) return null;
  const userPart = jid.slice(0, at);
  const server = jid.slice(at + 1);
  const [userAgent, device] = userPart.split(':');
  const user = (userAgent ?? '').split('_')[0] ?? '';
  if (!user || !server) return null;
  return { user, server, device: device !== undefined && /^\d+$/.test(device) ? Number(device) : null };
}

/** Strips the device part: every device of a person maps to one identity. */
export function normalizeJid(jid: string | null | undefined): string | null {
  const p = decodeJid(jid);
  if (!p) return null;
  const server = p.server === 'c.us' ? 's.whatsapp.net' : p.server;
  return `${p.user}@${server}`;
}

export const isPnJid = (jid: string | null | undefined): boolean => {
  const s = decodeJid(jid)?.server;
  return s === 's.whatsapp.net' || s === 'c.us';
};
export const isLidJid = (jid: string | null | undefined): boolean => decodeJid(jid)?.server === 'lid';
export const isGroupJid = (jid: string | null | undefined): boolean => decodeJid(jid)?.server === 'g.us';
/** Status posts, broadcast lists and channels are not conversations with a patient. */
export const isBroadcastJid = (jid: string | null | undefined): boolean => {
  const s = decodeJid(jid)?.server;
  return s === 'broadcast' || s === 'newsletter';
};

/** E.164 phone of a PN jid ("48601234567@s.whatsapp.net" → "+48601234567"); null for LIDs and groups. */
export function phoneOfJid(jid: string | null | undefined): string | null {
  if (!isPnJid(jid)) return null;
  const user = decodeJid(jid)!.user;
  return /^\d{6,15}$/.test(user) ? `+${user}` : null;
}

/** The PN jid WhatsApp expects for an E.164 number. */
export function jidOfPhone(e164: string): string {
  const digits = e164.replace(/\D/g, '');
  return `${digits}@s.whatsapp.net`;
}
