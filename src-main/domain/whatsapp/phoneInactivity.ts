/**
 * WhatsApp logs a linked device out when the main phone has not been online for 14 days.
 * The desk warns from day 10 so the clinic can open WhatsApp on the phone in time.
 */
const DAY_MS = 24 * 60 * 60_000;
export const LOGOUT_AFTER_DAYS = 14;
export const WARN_AFTER_DAYS = 10;

export interface PhoneInactivity {
  /** Whole days since the phone was last seen; null when it was never seen and never paired. */
  silentDays: number | null;
  warn: boolean;
  /** When WhatsApp is expected to log the desk out if the phone stays silent. */
  logoutAt: number | null;
}

/** `phoneSeenAt` is the last sign of life from the phone; pairing itself counts as one. */
export function phoneInactivity(now: number, phoneSeenAt: number | null, pairedAt: number | null): PhoneInactivity {
  const since = Math.max(phoneSeenAt ?? -Infinity, pairedAt ?? -Infinity);
  if (!Number.isFinite(since)) return { silentDays: null, warn: false, logoutAt: null };
  const silentDays = Math.max(0, Math.floor((now - since) / DAY_MS));
  return { silentDays, warn: now - since >= WARN_AFTER_DAYS * DAY_MS, logoutAt: since + LOGOUT_AFTER_DAYS * DAY_MS };
}
