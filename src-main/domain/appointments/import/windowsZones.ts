/**
 * Calendar TZIDs → IANA zones. Outlook and Exchange write Windows zone ids ("W. Europe Standard Time")
 * or their display names ("(UTC-05:00) Eastern Time (US & Canada)"), often without a VTIMEZONE;
 * Google and Apple write IANA names, sometimes behind a "/mozilla.org/…" style prefix.
 * - Windows id → IANA: CLDR's windowsZones.xml through the `windows-iana` package (its first zone is
 *   CLDR's territory "001" default).
 * - Display name → Windows id: `windowsDisplayNames.json`, Windows' own display strings (the registry's
 *   `Display` values, as Microsoft lists them in "Default Time Zones"), keyed without the "(UTC±hh:mm)"
 *   prefix because Windows rewrites that prefix when a zone's offset changes. Exchange also writes the
 *   name without any prefix ("Amsterdam, Belgrade, Berlin, …", node-ical's `test_with_tz_list.ics`) and
 *   with "and" for "&" ("Eastern Time (US and Canada)", node-ical's `windows-quoted-tz-rrule.ics`).
 * - Offset only ("(GMT +01:00)", node-ical's `music-school-weekly-until.ics`, no VTIMEZONE): the clinic's
 *   own zone when it has that offset in winter or summer (the writer named its local zone by an offset, and
 *   a fixed offset would move every summer visit by an hour), else the fixed-offset `Etc/GMT∓h` zone
 *   (node-ical `lib/tz-utils.js` does the same for raw offsets).
 */
import { findIana } from 'windows-iana';
import { isValidTimeZone } from '../../hours/zonedTime';
import DISPLAY_TO_WINDOWS from './windowsDisplayNames.json';

const DISPLAY: Record<string, string> = Object.fromEntries(Object.entries(DISPLAY_TO_WINDOWS as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));

/** Cities from display names of older Outlook builds, for TZIDs the table does not hold word for word. */
const DISPLAY_CITY_TO_IANA: Record<string, string> = {
  rome: 'Europe/Rome',
  berlin: 'Europe/Berlin',
  amsterdam: 'Europe/Amsterdam',
  vienna: 'Europe/Vienna',
  warsaw: 'Europe/Warsaw',
  sarajevo: 'Europe/Sarajevo',
  belgrade: 'Europe/Belgrade',
  brussels: 'Europe/Brussels',
  paris: 'Europe/Paris',
  madrid: 'Europe/Madrid',
  london: 'Europe/London',
  dublin: 'Europe/Dublin',
  lisbon: 'Europe/Lisbon',
  athens: 'Europe/Athens',
  bucharest: 'Europe/Bucharest',
  helsinki: 'Europe/Helsinki',
  kyiv: 'Europe/Kiev',
  kiev: 'Europe/Kiev',
};

function windowsToIana(id: string): string | null {
  if (/^(UTC|Coordinated Universal Time)$/i.test(id)) return 'UTC';
  const zones = findIana(id);
  const first = zones?.find((z) => isValidTimeZone(z));
  return first ?? null;
}

function offsetMinutes(zone: string, at: number): number {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(part);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** "(GMT +01:00)", "(UTC-05:00)", "GMT+1", "UTC+02:00" with nothing after → a zone with that offset. */
function offsetOnlyZone(name: string, clinicZone: string | undefined): string | null {
  const m = /^\(?\s*(?:UTC|GMT)\s*([+-])\s*(\d{1,2})(?:[:.]?(\d{2}))?\s*\)?$/i.exec(name);
  if (!m) return null;
  const minutes = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
  if (clinicZone && isValidTimeZone(clinicZone)) {
    // Any recent year: only whether the zone ever has this offset matters.
    if ([Date.UTC(2024, 0, 15), Date.UTC(2024, 6, 15)].some((t) => offsetMinutes(clinicZone, t) === minutes)) return clinicZone;
  }
  if (minutes === 0) return 'UTC';
  if (minutes % 60 !== 0) return null;
  const zone = `Etc/GMT${minutes > 0 ? '-' : '+'}${Math.abs(minutes / 60)}`;
  return isValidTimeZone(zone) ? zone : null;
}

function fromDisplayName(display: string): string | null {
  const key = display.trim().toLowerCase();
  const id = DISPLAY[key] ?? DISPLAY[key.replace(/\band\b/g, '&')];
  const viaId = id ? windowsToIana(id) : null;
  if (viaId) return viaId;
  for (const city of display.split(',')) {
    const iana = DISPLAY_CITY_TO_IANA[city.trim().toLowerCase()];
    if (iana) return iana;
  }
  return null;
}

/**
 * The IANA zone a calendar TZID means, or null when it cannot be known without the file's VTIMEZONE.
 * `clinicZone` is only used for offset-only names.
 */
export function resolveTimeZone(tzid: string, clinicZone?: string): string | null {
  const name = tzid.trim().replace(/^"|"$/g, '');
  const windows = windowsToIana(name);
  if (windows) return windows;
  if (/^[A-Za-z_]+\/[A-Za-z_\-+/0-9]+$/.test(name) && isValidTimeZone(name)) return name;
  // "/mozilla.org/20050126_1/Europe/Rome", "/citadel.org/20190914_1/Europe/Warsaw"
  const tail = /([A-Z][A-Za-z_]+\/[A-Z][A-Za-z_\-+0-9]+)$/.exec(name)?.[1];
  if (tail && isValidTimeZone(tail)) return tail;
  // "(UTC-05:00) Eastern Time (US & Canada)", older "(GMT+01.00) Amsterdam, Berlin, …"
  const display = /^\((?:UTC|GMT)[^)]*\)\s*(.+)$/.exec(name)?.[1];
  if (display) return fromDisplayName(display);
  return offsetOnlyZone(name, clinicZone) ?? fromDisplayName(name);
}
