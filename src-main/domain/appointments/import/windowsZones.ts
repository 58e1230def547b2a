/**
 * Calendar TZIDs → IANA zones. Outlook and Exchange write Windows zone names ("W. Europe Standard
 * Time") or their display names ("(UTC+01:00) Amsterdam, Berlin, …"); Google and Apple write IANA
 * names, sometimes behind a "/mozilla.org/…" style prefix. The table is the European part of CLDR's
 * windowsZones.xml plus the zones our clinics' patients most often travel from.
 */
import { isValidTimeZone } from '../../hours/zonedTime';

const WINDOWS_TO_IANA: Record<string, string> = {
  'W. Europe Standard Time': 'Europe/Berlin',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'Romance Standard Time': 'Europe/Paris',
  'GMT Standard Time': 'Europe/London',
  'Greenwich Standard Time': 'Atlantic/Reykjavik',
  'GTB Standard Time': 'Europe/Bucharest',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kiev',
  'Russian Standard Time': 'Europe/Moscow',
  'Turkey Standard Time': 'Europe/Istanbul',
  'Belarus Standard Time': 'Europe/Minsk',
  'Kaliningrad Standard Time': 'Europe/Kaliningrad',
  'Morocco Standard Time': 'Africa/Casablanca',
  'W. Central Africa Standard Time': 'Africa/Lagos',
  'Egypt Standard Time': 'Africa/Cairo',
  'Israel Standard Time': 'Asia/Jerusalem',
  'Arabian Standard Time': 'Asia/Dubai',
  'India Standard Time': 'Asia/Calcutta',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'Pacific Standard Time': 'America/Los_Angeles',
  'E. South America Standard Time': 'America/Sao_Paulo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  'UTC': 'UTC',
  'Coordinated Universal Time': 'UTC',
};

/** Cities Outlook lists in its display names, for TZIDs like "(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna". */
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

/** The IANA zone a calendar TZID means, or null when it cannot be known without the file's VTIMEZONE. */
export function resolveTimeZone(tzid: string): string | null {
  const name = tzid.trim().replace(/^"|"$/g, '');
  const windows = WINDOWS_TO_IANA[name];
  if (windows) return windows;
  if (/^[A-Za-z_]+\/[A-Za-z_\-+/0-9]+$/.test(name) && isValidTimeZone(name)) return name;
  // "/mozilla.org/20050126_1/Europe/Rome", "/citadel.org/20190914_1/Europe/Warsaw"
  const tail = /([A-Z][A-Za-z_]+\/[A-Z][A-Za-z_\-+0-9]+)$/.exec(name)?.[1];
  if (tail && isValidTimeZone(tail)) return tail;
  const display = /^\(UTC[^)]*\)\s*(.+)$/.exec(name)?.[1];
  if (display) {
    for (const city of display.split(',')) {
      const iana = DISPLAY_CITY_TO_IANA[city.trim().toLowerCase()];
      if (iana) return iana;
    }
  }
  return null;
}
