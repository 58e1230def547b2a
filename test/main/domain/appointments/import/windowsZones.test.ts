import { describe, expect, it } from 'vitest';
import { resolveTimeZone } from '../../../../../src-main/domain/appointments/import/windowsZones';

describe('resolveTimeZone', () => {
  it.each([
    ['Europe/Rome', 'Europe/Rome'],
    ['W. Europe Standard Time', 'Europe/Berlin'],
    ['Central European Standard Time', 'Europe/Warsaw'],
    ['Central Europe Standard Time', 'Europe/Budapest'],
    ['"Romance Standard Time"', 'Europe/Paris'],
    ['GMT Standard Time', 'Europe/London'],
    ['UTC', 'UTC'],
    ['/mozilla.org/20050126_1/Europe/Warsaw', 'Europe/Warsaw'],
    ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Berlin'], // via W. Europe Standard Time, CLDR's default zone
    ['(UTC+01:00) Sarajevo, Skopje, Warsaw, Zagreb', 'Europe/Warsaw'], // via Central European Standard Time
    // Outlook display names without a VTIMEZONE (the form Outlook writes: DTSTART;TZID="(UTC-05:00) Eastern Time (US & Canada)":…)
    ['(UTC-05:00) Eastern Time (US & Canada)', 'America/New_York'],
    ['(UTC+02:00) Helsinki, Kyiv, Riga, Sofia, Tallinn, Vilnius', 'Europe/Kiev'], // FLE Standard Time's CLDR default,
    ['(UTC+10:00) Canberra, Melbourne, Sydney', 'Australia/Sydney'],
    ['(UTC-03:00) City of Buenos Aires', 'America/Buenos_Aires'],
    // Windows ids outside Europe, from CLDR windowsZones through windows-iana
    ['Pacific SA Standard Time', 'America/Santiago'],
    ['Nepal Standard Time', 'Asia/Katmandu'],
    ['Customized Time Zone', null],
    ['Mars/Olympus_Mons', null],
  ])('%s → %s', (tzid, iana) => {
    expect(resolveTimeZone(tzid)).toBe(iana);
  });
});
