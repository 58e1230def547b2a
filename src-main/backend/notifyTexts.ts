/** The fixed words of a desktop notification, in the desk's UI language (the rest is the patient's message). */
export const NOTIFY_TEXT = {
  it: { missedCall: 'Chiamata persa', attachment: 'Ha inviato un allegato' },
  pl: { missedCall: 'Nieodebrane połączenie', attachment: 'Wysłano załącznik' },
  en: { missedCall: 'Missed call', attachment: 'Sent an attachment' },
} as const;
