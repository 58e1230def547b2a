/** Times on the board and the waiting-room screen are the clinic's, whatever the PC's own zone. */
const formatters = new Map<string, Intl.DateTimeFormat>();

export function clinicTime(t: number, timeZone: string, locale = 'it-IT'): string {
  const key = `${locale}|${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone });
    formatters.set(key, f);
  }
  return f.format(t);
}

export function clinicDate(t: number, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(t);
}

export const LOCALES: Record<string, string> = { it: 'it-IT', pl: 'pl-PL', en: 'en-GB' };

/** The clinic-local day (YYYY-MM-DD) of an instant. */
export function clinicDay(t: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t);
}

/** Minutes since the clinic's local midnight (for placing a visit in the week view). */
export function clinicMinuteOfDay(t: number, timeZone: string): number {
  const [h, m] = clinicTime(t, timeZone).split(':').map(Number);
  return h! * 60 + m!;
}
