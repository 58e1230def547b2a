import type { Locator } from '@playwright/test';

/**
 * Types a value into one of the desk's date / time fields (components/datetime) the way a receptionist
 * does: focus each segment and type its digits. `value` is the field's own string: "2026-11-30",
 * "14:30" or "2026-11-30T14:30"; the segment order (day first in it/pl/en-GB) is read from the field.
 */
export async function typeInto(field: Locator, value: string): Promise<void> {
  const m = /^(?:(\d{4})-(\d{2})-(\d{2}))?T?(?:(\d{2}):(\d{2}))?$/.exec(value);
  if (!m) throw new Error(`not a date/time value: ${value}`);
  const parts: Record<string, string | undefined> = { year: m[1], month: m[2], day: m[3], hour: m[4], minute: m[5] };
  const segments = field.locator('[role="spinbutton"]');
  await segments.first().waitFor(); // the fields load with their screen's first use
  for (let i = 0; i < (await segments.count()); i++) {
    const seg = segments.nth(i);
    const type = (await seg.getAttribute('data-type')) ?? '';
    const digits = parts[type];
    if (digits === undefined) continue;
    // A focused segment starts afresh with the first digit typed, and moves on once it is full.
    await seg.click();
    await field.page().keyboard.type(digits);
  }
}

/** The value a date / time field holds ("2026-11-30", "14:30"…), once its chunk has loaded. */
export async function fieldValue(field: Locator): Promise<string> {
  await field.locator('[role="spinbutton"]').first().waitFor();
  return (await field.getAttribute('data-value')) ?? '';
}
