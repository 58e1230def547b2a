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
    ['(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna', 'Europe/Amsterdam'],
    ['(UTC+01:00) Sarajevo, Skopje, Warsaw, Zagreb', 'Europe/Sarajevo'],
    ['Customized Time Zone', null],
    ['Mars/Olympus_Mons', null],
  ])('%s → %s', (tzid, iana) => {
    expect(resolveTimeZone(tzid)).toBe(iana);
  });
});
