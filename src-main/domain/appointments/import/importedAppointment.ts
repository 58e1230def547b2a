/**
 * What every importer (ICS, CSV) produces: plain rows with the source line they came from, so that the
 * service can match patients and upsert by UID, and the CLI can point at the line of a bad row.
 */

export interface ImportedAppointment {
  /** 1-based line in the source file where the row (or VEVENT) begins. */
  line: number;
  /** Stable identity for re-imports: the calendar UID (plus the occurrence for recurrences) or the CSV id. */
  uid: string;
  startsAt: number;
  endsAt: number;
  patientName: string | null;
  /** As written in the source; normalised to E.164 by the service with the clinic's region. */
  phone: string | null;
  practitioner: string | null;
  type: string;
  notes: string;
  /** Where the source says the visit is (ICS LOCATION, a CSV room column); matched to a configured room. */
  location?: string;
  cancelled: boolean;
}

export interface ImportIssue {
  line: number;
  message: string;
  /** A translatable error reason (domain/shared/errors.ts) where the row's problem has one. */
  reason?: string;
  params?: Record<string, string | number | null>;
}

export interface ImportResult {
  appointments: ImportedAppointment[];
  errors: ImportIssue[];
  /** Rows deliberately left out (all-day events, outside the date range), with why. */
  skipped: ImportIssue[];
}

export interface DateRange {
  from: number;
  /** Exclusive. */
  to: number;
}

export function inRange(t: number, range: DateRange | null): boolean {
  return range === null || (t >= range.from && t < range.to);
}

const PHONE = /(?:\+|00)?\d[\d ()./-]{6,}\d/;

/** The first phone-looking sequence in free text ("Tel. +39 333 123 4567", "tel: 601-234-567"). */
export function findPhone(text: string): string | null {
  const m = PHONE.exec(text);
  return m ? m[0].trim() : null;
}

/**
 * Calendar titles are typed by people: "Mario Rossi - Controllo", "Visita: Anna Kowalska",
 * "Kowalska Anna (igiena)". Splits a title into the patient's name and the visit type when it can.
 */
export function splitTitle(title: string): { patientName: string | null; type: string } {
  const clean = title.replace(PHONE, '').replace(/\s+/g, ' ').trim();
  const dash = /^(.+?)\s+[-–—|]\s+(.+)$/.exec(clean);
  if (dash) return { patientName: dash[1]?.trim() ?? null, type: dash[2]?.trim() ?? '' };
  const colon = /^(.+?):\s*(.+)$/.exec(clean);
  if (colon) return { patientName: colon[2]?.trim() ?? null, type: colon[1]?.trim() ?? '' };
  const paren = /^(.+?)\s*\((.+)\)$/.exec(clean);
  if (paren) return { patientName: paren[1]?.trim() ?? null, type: paren[2]?.trim() ?? '' };
  return { patientName: clean === '' ? null : clean, type: '' };
}
