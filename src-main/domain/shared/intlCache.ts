/**
 * Intl formatters, built once per (locale, options). Building one costs far more than formatting with it
 * (tens of microseconds with a time zone), and the auto-reply, template and opening-hours paths format
 * several dates for every inbound message. Intl only, so it runs in the main process and the renderer alike.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function cached<F, O>(cache: Map<string, F>, locale: string, options: O, build: () => F): F {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = cache.get(key);
  if (!f) {
    f = build();
    cache.set(key, f);
  }
  return f;
}

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat =>
  cached(dateFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat =>
  cached(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));

export const relativeTimeFormat = (locale: string, options: Intl.RelativeTimeFormatOptions): Intl.RelativeTimeFormat =>
  cached(relativeFormats, locale, options, () => new Intl.RelativeTimeFormat(locale, options));
