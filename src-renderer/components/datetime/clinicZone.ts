import { useApp } from '../../stores/appStore';

/**
 * Every time the desk shows or asks for is the clinic's wall clock, not the desk PC's: a laptop left on
 * another zone (or a manager's browser abroad) must not shift a snooze, a send-later or a filter by an hour.
 */
export const useClinicZone = (): string => useApp((s) => s.info?.settings.timeZone) ?? 'Europe/Rome';

export { clinicDayEnd, clinicDayStart } from './pickerValues';
