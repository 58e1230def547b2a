/**
 * Why one row of an imported file (calls, appointments) was refused, as keys of the desk's
 * `errors-rows` namespace (src-renderer/i18n/locales/<lang>/errors-rows.json). Every row problem
 * carries one, so the receptionist reads "Ora: «25:99» non è un'ora" in her language instead of a
 * generic "this row could not be read"; the English `message` beside it stays for the log and the CLI.
 */
export const ROW = {
  columns: 'errors-rows:columns',
  dateTime: 'errors-rows:dateTime',
  date: 'errors-rows:date',
  time: 'errors-rows:time',
  duration: 'errors-rows:duration',
  minutes: 'errors-rows:minutes',
  billsec: 'errors-rows:billsec',
  unknownValue: 'errors-rows:unknownValue',
  direction: 'errors-rows:direction',
  noPhone: 'errors-rows:noPhone',
  endBeforeStart: 'errors-rows:endBeforeStart',
  unclosedQuote: 'errors-rows:unclosedQuote',
  emptyFile: 'errors-rows:emptyFile',
  noSuchColumn: 'errors-rows:noSuchColumn',
  noStartColumn: 'errors-rows:noStartColumn',
  calendarEntry: 'errors-rows:calendarEntry',
  calendarEvent: 'errors-rows:calendarEvent',
  notCalendar: 'errors-rows:notCalendar',
  unknownZone: 'errors-rows:unknownZone',
  noStart: 'errors-rows:noStart',
} as const;
