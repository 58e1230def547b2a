import { appointmentsArea } from '../domain/appointments/appointmentsArea';
import { inboxArea } from '../domain/inbox/inboxArea';
import { mediaArea } from '../domain/media/mediaArea';
import { patientsArea } from '../domain/patients/patientsArea';
import { settingsArea } from '../domain/settings/settingsArea';
import { templatesArea } from '../domain/templates/templatesArea';
import type { Area } from './area';

/** Every room of the app. A new area registers here with one line. */
export const areas: Area[] = [
  settingsArea,
  inboxArea,
  patientsArea,
  mediaArea,
  templatesArea,
  appointmentsArea,
];
