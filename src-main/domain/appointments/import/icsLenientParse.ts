/**
 * Parses an iCalendar file so that one bad line costs one event, not the file. ical.js rejects the
 * whole text on the first value it cannot read (e.g. `RRULE:…;BYDAY=MO, TU` from hand-edited feeds); then
 * each VEVENT is parsed on its own and the failing content line is named with its real line number.
 */
import ICAL from 'ical.js';
import type { ImportIssue } from './importedAppointment';
import { ROW } from '../../shared/rowReasons';

type IcalComponent = InstanceType<typeof ICAL.Component>;

export interface ParsedCalendar {
  calendar: IcalComponent;
  /** Each VEVENT with the 1-based line of its BEGIN:VEVENT. */
  events: { component: IcalComponent; line: number }[];
  errors: ImportIssue[];
}

interface ContentLine {
  line: number;
  text: string;
}

/** RFC 5545 §3.1 unfolding: a line starting with a space or tab continues the previous one. */
function unfold(physical: string[], first: number): ContentLine[] {
  const out: ContentLine[] = [];
  physical.forEach((raw, i) => {
    if (/^[ \t]/.test(raw) && out.length > 0) (out[out.length - 1] as ContentLine).text += raw.slice(1);
    else if (raw.trim() !== '') out.push({ line: first + i, text: raw });
  });
  return out;
}

/** The first content line ical.js cannot read, with its line number and ical.js' reason. */
function firstBadLine(physical: string[], first: number): ImportIssue | null {
  for (const c of unfold(physical, first)) {
    if (/^(BEGIN|END):/i.test(c.text)) continue;
    try {
      ICAL.parse.property(c.text);
    } catch (e) {
      const text = c.text.length > 80 ? `${c.text.slice(0, 77)}…` : c.text;
      return { line: c.line, message: `${(e as Error).message} in "${text}"`, reason: ROW.calendarEntry, params: { text } };
    }
  }
  return null;
}

function eventBlocks(lines: string[]): { start: number; end: number }[] {
  const blocks: { start: number; end: number }[] = [];
  let open: number | null = null;
  lines.forEach((l, i) => {
    if (/^BEGIN:VEVENT\s*$/i.test(l)) open = i;
    else if (/^END:VEVENT\s*$/i.test(l) && open !== null) {
      blocks.push({ start: open, end: i });
      open = null;
    }
  });
  return blocks;
}

/**
 * Line-for-line repairs of what real exporters write and ical.js refuses; line numbers stay the same.
 * - `RRULE:…;BYDAY=MO, TU, WE` — Microsoft CDO for Exchange (python-icalendar `issue_165_missing_event.ics`).
 * - `DTSTART;TZID="W. Europe Standard Time:20200609T090000"` — the closing quote after the value, from an
 *   Exchange export (node-ical `ms_timezones.ics`, which node-ical reads as 09:00 W. Europe).
 * - `DTSTART:20021028` — a date without `VALUE=DATE`, Apple iCal 1.0 (node-ical `mixed-timezone-handling.ics`).
 */
export function repairLine(line: string): string {
  if (/^(RRULE|EXRULE):/i.test(line)) return line.replace(/\s*([,;=])\s*/g, '$1');
  const misquoted = /^([A-Z-]+;(?:[^:"]*;)?TZID=)"([^"]+):(\d{8}T\d{6}Z?)"\s*$/i.exec(line);
  if (misquoted) return `${misquoted[1]}"${misquoted[2]}":${misquoted[3]}`;
  if (/^(DTSTART|DTEND|RECURRENCE-ID|EXDATE|RDATE)(;(?![^:]*VALUE=)[^:]*)?:\d{8}\s*$/i.test(line)) return line.replace(/:(\d{8})\s*$/, ';VALUE=DATE:$1');
  return line;
}

export function parseCalendarLeniently(input: string): ParsedCalendar | { fatal: ImportIssue } {
  const lines = input.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/).map(repairLine);
  const text = lines.join('\r\n');
  const blocks = eventBlocks(lines);
  try {
    const calendar = new ICAL.Component(ICAL.parse(text));
    const events = calendar.getAllSubcomponents('vevent').map((component, i) => ({ component, line: (blocks[i]?.start ?? 0) + 1 }));
    return { calendar, events, errors: [] };
  } catch (whole) {
    // Parse the file without its events, then each event alone.
    const inBlock = new Set<number>();
    for (const b of blocks) for (let i = b.start; i <= b.end; i++) inBlock.add(i);
    const skeleton = lines.filter((_, i) => !inBlock.has(i));
    let calendar: IcalComponent;
    try {
      calendar = new ICAL.Component(ICAL.parse(skeleton.join('\r\n')));
    } catch {
      const outside = lines.map((l, i) => (inBlock.has(i) ? '' : l));
      const bad = firstBadLine(outside, 1);
      return { fatal: { line: bad?.line ?? 1, message: `not a valid iCalendar file: ${bad?.message ?? (whole as Error).message}`, reason: bad?.reason ?? ROW.notCalendar, ...(bad?.params ? { params: bad.params } : {}) } };
    }
    const events: ParsedCalendar['events'] = [];
    const errors: ImportIssue[] = [];
    for (const b of blocks) {
      const block = lines.slice(b.start, b.end + 1);
      try {
        const wrapped = new ICAL.Component(ICAL.parse(['BEGIN:VCALENDAR', ...block, 'END:VCALENDAR'].join('\r\n')));
        const component = wrapped.getFirstSubcomponent('vevent');
        if (component) events.push({ component, line: b.start + 1 });
      } catch (e) {
        errors.push(firstBadLine(block, b.start + 1) ?? { line: b.start + 1, message: (e as Error).message, reason: ROW.calendarEvent });
      }
    }
    return { calendar, events, errors };
  }
}
