/**
 * A report as plain tables (column keys + rows of numbers and text): what the CLI prints, what --csv and the
 * screen's "CSV" buttons export. Pure and Node-free so the renderer uses the very same tables; it only translates
 * the column keys (`stats:col.<key>`). Durations are minutes with one decimal; shares are percentages.
 */
import type { DurationDist, StatsReport } from '../../contract/stats';

export type Cell = string | number | null;

export interface StatsTable {
  id: 'contacts' | 'responsiveness' | 'replies' | 'phone' | 'visits' | 'delays' | 'optional' | 'sms' | 'daily' | 'heatmap';
  columns: string[];
  rows: Cell[][];
}

export const minutes = (ms: number | null): number | null => (ms === null ? null : Math.round(ms / 6_000) / 10);
const pct = (share: number | null): number | null => (share === null ? null : Math.round(share * 1000) / 10);
const dist = (name: string, d: DurationDist): Cell[] => [name, d.n, minutes(d.medianMs), minutes(d.p90Ms)];

export function statsTables(r: StatsReport): StatsTable[] {
  const x = r.responsiveness;
  const p = r.phone;
  return [
    {
      id: 'contacts',
      columns: ['channel', 'newConversations', 'messagesIn', 'messagesOut', 'messagesOutAutomatic', 'callsIn', 'callsOut'],
      rows: r.contacts.map((c) => [c.channel, c.newConversations, c.messagesIn, c.messagesOut, c.messagesOutAutomatic, c.callsIn, c.callsOut]),
    },
    {
      id: 'responsiveness',
      columns: ['figure', 'count', 'medianMin', 'p90Min'],
      rows: [
        ['waits', x.waits, null, null],
        ['answered', x.answered, null, null],
        ['noResponse', x.noResponse, null, null],
        ['unansweredAtClosing', x.unansweredAtClosing, null, null],
        dist('frt', x.frt),
        dist('frtOpenTime', x.frtOpenTime),
        dist('frtClosedTime', x.frtClosedTime),
        dist('frtArrivedOpen', x.frtArrivedOpen),
        dist('frtArrivedClosed', x.frtArrivedClosed),
      ],
    },
    { id: 'replies', columns: ['author', 'replies'], rows: x.repliesByAuthor.map((a) => [a.author, a.replies]) },
    {
      id: 'phone',
      columns: ['figure', 'count', 'medianMin', 'p90Min'],
      rows: [
        ...(['total', 'answered', 'missed', 'abandoned', 'voicemail', 'busy', 'missedCallers', 'calledBack', 'gotThrough', 'neverCalledBack'] as const).map(
          (k): Cell[] => [k, p[k], null, null],
        ),
        dist('callbackTime', p.callbackTime),
      ],
    },
    {
      id: 'visits',
      columns: ['figure', 'count'],
      rows: [
        ['appointments', r.visits.appointments],
        ['noShows', r.visits.noShows],
        ['noticesSent', r.visits.noticesSent],
      ],
    },
    {
      id: 'delays',
      columns: ['practitioner', 'visits', 'started', 'avgDelayMin', 'worstDelayMin', 'latePercent'],
      rows: r.visits.practitioners.map((v) => [v.name, v.visits, v.started, v.avgDelayMinutes, v.worstDelayMinutes, pct(v.lateShare)]),
    },
    { id: 'optional', columns: ['group', 'figure', 'value'], rows: r.optional.map((o) => [o.group, o.key, o.value]) },
    { id: 'sms', columns: ['provider', 'messages', 'segments'], rows: r.sms.map((s) => [s.provider, s.messages, s.segments]) },
    {
      id: 'daily',
      columns: ['date', 'contactsIn', 'messagesIn', 'messagesOut', 'callsIn', 'missedCalls', 'frtMedianMin'],
      rows: r.daily.map((d) => [d.date, d.contactsIn, d.messagesIn, d.messagesOut, d.callsIn, d.missedCalls, minutes(d.frtMedianMs)]),
    },
    {
      id: 'heatmap',
      columns: ['weekday', ...Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0'))],
      rows: r.heatmap.map((row, i) => [['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][i]!, ...row]),
    },
  ];
}

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; CRLF between records. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const field = (c: Cell): string => {
    const s = c === null ? '' : String(c);
    return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Every table in one CSV: a `table` column first, each table's own columns after it (its header row repeated). */
export function reportCsv(r: StatsReport): string {
  return statsTables(r)
    .map((t) => toCsv(['table', ...t.columns], t.rows.map((row) => [t.id, ...row])))
    .join('');
}
