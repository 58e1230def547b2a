/**
 * ICS (Google Calendar, Outlook) → appointments for a date range. ical.js parses and iterates
 * recurrences on wall-clock times; instants are computed here from each TZID with Intl, so Windows
 * zone names, DST-change days and floating times all get the zone rules of the clinic's system.
 * A TZID we cannot map falls back to the VTIMEZONE block of the file itself ("Customized Time Zone").
 * One bad event is reported with its line and the rest of the file is imported (icsLenientParse.ts).
 */
import ICAL from 'ical.js';
import { zonedToUtc } from '../../hours/zonedTime';
import { parseCalendarLeniently } from './icsLenientParse';
import { expandOccurrences } from './icsRecurrence';
import { findPhone, inRange, splitTitle, type DateRange, type ImportedAppointment, type ImportIssue, type ImportResult } from './importedAppointment';
import { resolveTimeZone } from './windowsZones';
import { ROW } from '../../shared/rowReasons';
import type { ErrorParams } from '../../shared/errors';

type IcalComponent = InstanceType<typeof ICAL.Component>;
type IcalTime = InstanceType<typeof ICAL.Time>;
type IcalProperty = InstanceType<typeof ICAL.Property>;

export interface IcsImportOptions {
  range: DateRange;
  /** The clinic's zone, for floating times when the calendar names none (X-WR-TIMEZONE). */
  timeZone: string;
  /** Overrides the calendar's name as the practitioner of every event. */
  practitioner?: string | null;
  /** Length of events with neither DTEND nor DURATION. */
  defaultVisitMinutes?: number;
  /** Upper bound on occurrences per recurring event, against runaway rules. */
  maxOccurrences?: number;
}

/** A calendar entry we refuse, with the reason the desk shows (errors-rows) beside the English message. */
class IcsError extends Error {
  constructor(
    message: string,
    readonly reason: string,
    readonly params?: ErrorParams,
  ) {
    super(message);
  }
}
const rowIssue = (line: number, e: unknown): ImportIssue =>
  e instanceof IcsError ? { line, message: e.message, reason: e.reason, ...(e.params ? { params: e.params } : {}) } : { line, message: (e as Error).message, reason: ROW.calendarEvent };

interface ZoneContext {
  floatingZone: string;
  clinicZone: string;
  vtimezones: Map<string, InstanceType<typeof ICAL.Timezone>>;
}

function instantOf(time: IcalTime, tzid: string | null, ctx: ZoneContext): number {
  if (time.zone?.tzid === 'UTC') return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
  const wall = (zone: string): number => {
    const date = `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
    return zonedToUtc(date, time.hour * 60 + time.minute, zone) + time.second * 1000;
  };
  if (!tzid) return wall(ctx.floatingZone);
  const iana = resolveTimeZone(tzid, ctx.clinicZone);
  if (iana) return wall(iana);
  const vtz = ctx.vtimezones.get(tzid);
  if (vtz) {
    const t = time.clone();
    t.zone = vtz;
    return t.toUnixTime() * 1000;
  }
  throw new IcsError(`unknown time zone "${tzid}" and no VTIMEZONE for it in the file`, ROW.unknownZone, { zone: tzid });
}

function propInstant(prop: IcalProperty, ctx: ZoneContext): number[] {
  const tzid = prop.getParameter('tzid');
  return prop.getValues().map((v) => instantOf(v as IcalTime, typeof tzid === 'string' ? tzid : null, ctx));
}

function text(ev: IcalComponent, name: string): string {
  const v = ev.getFirstPropertyValue(name);
  return typeof v === 'string' ? v.trim() : '';
}

function organizerName(ev: IcalComponent): string | null {
  const cn = ev.getFirstProperty('organizer')?.getParameter('cn');
  return typeof cn === 'string' && cn.trim() !== '' ? cn.trim() : null;
}

/**
 * Exchange's published calendars (OWA "Publish calendar", node-ical's `Office-2012-owa.ics`) have no UID.
 * A UID made from what identifies the event in that file (start as written, zone, title) keeps re-imports
 * of the same file idempotent; an event moved in Outlook then comes back as a new one.
 */
function contentUid(ev: IcalComponent): string {
  const dtstart = ev.getFirstProperty('dtstart');
  const seed = `${String(dtstart?.getParameter('tzid') ?? '')}|${dtstart?.getFirstValue()?.toString() ?? ''}|${text(ev, 'summary')}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < seed.length; i++) {
    const c = seed.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return `no-uid-${h1.toString(16).padStart(8, '0')}${h2.toString(16).padStart(8, '0')}`;
}

interface EventShape {
  uid: string;
  start: IcalTime;
  startTzid: string | null;
  durationMs: number;
  base: Omit<ImportedAppointment, 'uid' | 'startsAt' | 'endsAt' | 'line'>;
}

function shapeOf(ev: IcalComponent, ctx: ZoneContext, opts: IcsImportOptions, calendarName: string | null): EventShape | 'all-day' {
  const dtstart = ev.getFirstProperty('dtstart');
  if (!dtstart) throw new IcsError('VEVENT without DTSTART', ROW.noStart);
  const start = dtstart.getFirstValue() as IcalTime;
  if (start.isDate) return 'all-day';
  const tzidParam = dtstart.getParameter('tzid');
  const startTzid = typeof tzidParam === 'string' ? tzidParam : null;
  const startsAt = instantOf(start, startTzid, ctx);
  const dtend = ev.getFirstProperty('dtend');
  const duration = ev.getFirstPropertyValue('duration') as InstanceType<typeof ICAL.Duration> | null;
  let endsAt: number;
  if (dtend) endsAt = propInstant(dtend, ctx)[0] ?? startsAt;
  else if (duration) endsAt = startsAt + duration.toSeconds() * 1000;
  else endsAt = startsAt + (opts.defaultVisitMinutes ?? 30) * 60_000;
  if (endsAt <= startsAt) throw new IcsError('DTEND is not after DTSTART', ROW.endBeforeStart);
  const uid = text(ev, 'uid') || contentUid(ev);
  const summary = text(ev, 'summary');
  const description = text(ev, 'description');
  const location = text(ev, 'location');
  const { patientName, type } = splitTitle(summary);
  return {
    uid,
    start,
    startTzid,
    durationMs: endsAt - startsAt,
    base: {
      patientName,
      phone: findPhone(summary) ?? findPhone(description) ?? findPhone(location),
      practitioner: opts.practitioner ?? calendarName ?? organizerName(ev),
      type,
      notes: description,
      location,
      cancelled: text(ev, 'status').toUpperCase() === 'CANCELLED',
    },
  };
}

/** Instants of an event inside the range: every RRULE and RDATE, EXDATEs removed (icsRecurrence.ts). */
function occurrences(ev: IcalComponent, shape: EventShape, ctx: ZoneContext, opts: IcsImportOptions): number[] {
  return expandOccurrences(ev, shape.start, shape.startTzid, {
    instant: (time, tzid) => instantOf(time, tzid, ctx),
    range: opts.range,
    maxOccurrences: opts.maxOccurrences ?? 5000,
  });
}

const occurrenceUid = (uid: string, t: number): string => `${uid}/${new Date(t).toISOString().replace(/[-:]|\.\d{3}/g, '')}`;

export function importIcs(input: string, opts: IcsImportOptions): ImportResult {
  const appointments: ImportedAppointment[] = [];
  const errors: ImportIssue[] = [];
  const skipped: ImportIssue[] = [];
  const parsed = parseCalendarLeniently(input);
  if ('fatal' in parsed) return { appointments, errors: [parsed.fatal], skipped };
  const calendar = parsed.calendar;
  errors.push(...parsed.errors);
  if (calendar.name !== 'vcalendar') return { appointments, errors: [{ line: 1, message: 'the file does not start with BEGIN:VCALENDAR', reason: ROW.notCalendar }], skipped };

  const vtimezones = new Map<string, InstanceType<typeof ICAL.Timezone>>();
  for (const c of calendar.getAllSubcomponents('vtimezone')) {
    const tzid = c.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string') vtimezones.set(tzid, new ICAL.Timezone(c));
  }
  const declared = calendar.getFirstPropertyValue('x-wr-timezone');
  const declaredZone = typeof declared === 'string' ? resolveTimeZone(declared, opts.timeZone) : null;
  const ctx: ZoneContext = { floatingZone: declaredZone ?? opts.timeZone, clinicZone: opts.timeZone, vtimezones };
  const calName = calendar.getFirstPropertyValue('x-wr-calname');
  const calendarName = typeof calName === 'string' && calName.trim() !== '' ? calName.trim() : null;

  // Modified occurrences (RECURRENCE-ID) replace the generated ones of their series. When one occurrence was
  // modified twice, the version with the highest SEQUENCE wins (RFC 5545 §3.8.7.4), the later one on a tie.
  const latest = new Map<string, { index: number; sequence: number }>();
  const overrideKey: (string | null)[] = parsed.events.map(({ component: ev, line }, i) => {
    const rid = ev.getFirstProperty('recurrence-id');
    if (!rid) return null;
    try {
      const t = propInstant(rid, ctx)[0];
      if (t === undefined) return null;
      const key = occurrenceUid(text(ev, 'uid'), t);
      const seq = Number(ev.getFirstPropertyValue('sequence') ?? 0) || 0;
      const best = latest.get(key);
      if (!best || seq >= best.sequence) latest.set(key, { index: i, sequence: seq });
      return key;
    } catch (e) {
      errors.push(rowIssue(line, e));
      return null;
    }
  });
  const overridden = new Set(latest.keys());

  parsed.events.forEach(({ component: ev, line }, i) => {
    const key = overrideKey[i];
    if (key && latest.get(key)?.index !== i) {
      skipped.push({ line, message: `an older version (SEQUENCE ${Number(ev.getFirstPropertyValue('sequence') ?? 0) || 0}) of a changed occurrence, replaced by a later one` });
      return;
    }
    try {
      const shape = shapeOf(ev, ctx, opts, calendarName);
      if (shape === 'all-day') {
        skipped.push({ line, message: `all-day event "${text(ev, 'summary')}" ignored` });
        return;
      }
      const rid = ev.getFirstProperty('recurrence-id');
      const recurring = rid !== null || ev.getFirstProperty('rrule') !== null;
      if (rid) {
        const startsAt = instantOf(shape.start, shape.startTzid, ctx);
        const key = occurrenceUid(shape.uid, propInstant(rid, ctx)[0] ?? startsAt);
        if (inRange(startsAt, opts.range)) appointments.push({ ...shape.base, line, uid: key, startsAt, endsAt: startsAt + shape.durationMs });
        return;
      }
      const times = occurrences(ev, shape, ctx, opts);
      if (times.length === 0) skipped.push({ line, message: `"${text(ev, 'summary')}" is outside the date range` });
      for (const startsAt of times) {
        const uid = recurring ? occurrenceUid(shape.uid, startsAt) : shape.uid;
        if (overridden.has(uid)) continue;
        appointments.push({ ...shape.base, line, uid, startsAt, endsAt: startsAt + shape.durationMs });
      }
    } catch (e) {
      errors.push(rowIssue(line, e));
    }
  });
  appointments.sort((a, b) => a.startsAt - b.startsAt || a.uid.localeCompare(b.uid));
  return { appointments, errors, skipped };
}
