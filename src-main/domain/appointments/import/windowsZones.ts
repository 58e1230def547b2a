/**
 * Calendar TZIDs → IANA zones. Outlook and Exchange write Windows zone ids ("W. Europe Standard Time")
 * or their display names ("(UTC-05:00) Eastern Time (US & Canada)"), often without a VTIMEZONE;
 * Google and Apple write IANA names, sometimes behind a "/mozilla.org/…" style prefix.
 * - Windows id → IANA: CLDR's windowsZones.xml through the `windows-iana` package (its first zone is
 *   CLDR's territory "001" default).
 * - Display name → Windows id: `windowsDisplayNames.json`, Windows' own display strings (the registry's
 *   `Display` values, as Microsoft lists them in "Default Time Zones"), keyed without the "(UTC±hh:mm)"
 *   prefix because Windows rewrites that prefix when a zone's offset changes.
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

/** The IANA zone a calendar TZID means, or null when it cannot be known without the file's VTIMEZONE. */
export function resolveTimeZone(tzid: string): string | null {
  const name = tzid.trim().replace(/^"|"$/g, '');
  const windows = windowsToIana(name);
  if (windows) return windows;
  if (/^[A-Za-z_]+\/[A-Za-z_\-+/0-9]+$/.test(name) && isValidTimeZone(name)) return name;
  // "/mozilla.org/20050126_1/Europe/Rome", "/citadel.org/20190914_1/Europe/Warsaw"
  const tail = /([A-Z][A-Za-z_]+\/[A-Z][A-Za-z_\-+0-9]+)$/.exec(name)?.[1];
  if (tail && isValidTimeZone(tail)) return tail;
  // "(UTC-05:00) Eastern Time (US & Canada)", older "(GMT+01.00) Amsterdam, Berlin, …"
  const display = /^\((?:UTC|GMT)[^)]*\)\s*(.+)$/.exec(name)?.[1];
  if (display) {
    const id = DISPLAY[display.trim().toLowerCase()];
    const viaId = id ? windowsToIana(id) : null;
    if (viaId) return viaId;
    for (const city of display.split(',')) {
      const iana = DISPLAY_CITY_TO_IANA[city.trim().toLowerCase()];
      if (iana) return iana;
    }
  }
  return null;
}
