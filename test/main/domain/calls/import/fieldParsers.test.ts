import { describe, expect, it } from 'vitest';
import { looksLikeExtension, parseDateTime, parseDurationSeconds, phoneDigits } from '../../../../../src-main/domain/calls/import/fieldParsers';

describe('parseDurationSeconds', () => {
  it.each([
    ['00:01:23', 83],
    ['1:23', 83],
    ['01:00:00', 3600],
    ['83', 83],
    ['83.6', 84],
    ['', 0],
    ['  00:00:05 ', 5],
    ['00:61:00', null],
    ['abc', null],
    ['-5', null],
  ])('%j → %j', (raw, expected) => {
    expect(parseDurationSeconds(raw)).toBe(expected);
  });
});

describe('parseDateTime', () => {
  const warsaw = 'Europe/Warsaw';
  it.each<[string, string, 'dmy' | 'mdy', string | null]>([
    ['2024-03-12 09:15:02', warsaw, 'dmy', '2024-03-12T08:15:02.000Z'],
    ['2024-07-12 09:15:02', warsaw, 'dmy', '2024-07-12T07:15:02.000Z'],
    ['2025-03-11T08:02:13', warsaw, 'dmy', '2025-03-11T07:02:13.000Z'],
    ['2025-03-11T08:02:13Z', warsaw, 'dmy', '2025-03-11T08:02:13.000Z'],
    ['2025-03-11T08:02:13+02:00', warsaw, 'dmy', '2025-03-11T06:02:13.000Z'],
    ['11/03/2025 08:02:13', warsaw, 'dmy', '2025-03-11T07:02:13.000Z'],
    ['03/11/2025 08:02:13', warsaw, 'mdy', '2025-03-11T07:02:13.000Z'],
    ['13/03/2024 8:10', warsaw, 'mdy', '2024-03-13T07:10:00.000Z'],
    ['13.03.2024 08:10', warsaw, 'dmy', '2024-03-13T07:10:00.000Z'],
    ['3/11/2025 2:05:09 PM', warsaw, 'mdy', '2025-03-11T13:05:09.000Z'],
    ['3/11/2025 12:05:09 AM', warsaw, 'mdy', '2025-03-10T23:05:09.000Z'],
    ['1710231302', warsaw, 'dmy', '2024-03-12T08:15:02.000Z'],
    ['2024-03-31 02:30:00', warsaw, 'dmy', '2024-03-31T01:30:00.000Z'],
    ['2024-02-30 08:05:00', warsaw, 'dmy', null],
    ['2024-13-01 08:05:00', warsaw, 'dmy', null],
    ['2024-03-12 25:00:00', warsaw, 'dmy', null],
    ['13/13/2024 08:00', warsaw, 'dmy', null],
    ['yesterday', warsaw, 'dmy', null],
    ['', warsaw, 'dmy', null],
  ])('%j in %s (%s) → %s', (raw, tz, order, expected) => {
    const t = parseDateTime(raw, tz, order);
    expect(t === null ? null : new Date(t).toISOString()).toBe(expected);
  });
});

describe('phoneDigits / looksLikeExtension', () => {
  it.each([
    ['Anna Kowalska (+48601234567)', '+48601234567'],
    ['Recepcja 1 (101)', '101'],
    ['+48 601 234 567', '+48601234567'],
    ['601-234-567', '601234567'],
    ['Anonymous', ''],
  ])('%j → %j', (raw, expected) => {
    expect(phoneDigits(raw)).toBe(expected);
  });

  it.each([
    ['101', true],
    ['800', true],
    ['601234567', false],
    ['+48601234567', false],
    ['', false],
  ])('%j is a desk: %s', (n, expected) => {
    expect(looksLikeExtension(n)).toBe(expected);
  });
});
