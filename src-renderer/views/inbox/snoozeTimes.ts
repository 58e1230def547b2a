/** Snooze choices offered at the desk, in the desk computer's local time. */
export interface SnoozePreset {
  key: 'hour1' | 'hour3' | 'tomorrow' | 'monday';
  at: number;
}

const atNine = (d: Date): number => {
  const x = new Date(d);
  x.setHours(9, 0, 0, 0);
  return x.getTime();
};

export function snoozePresets(now: number): SnoozePreset[] {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  const monday = new Date(now);
  // Next Monday, never today: a Monday morning snooze set on Monday means a week.
  monday.setDate(monday.getDate() + (((8 - monday.getDay()) % 7) || 7));
  return [
    { key: 'hour1', at: now + 3600_000 },
    { key: 'hour3', at: now + 3 * 3600_000 },
    { key: 'tomorrow', at: atNine(tomorrow) },
    { key: 'monday', at: atNine(monday) },
  ];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The value a <input type="datetime-local"> expects: "2026-11-23T15:30". */
export function toLocalInput(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** NaN for an empty or malformed value. */
export function fromLocalInput(v: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(v);
  if (!m) return NaN;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5])).getTime();
}
