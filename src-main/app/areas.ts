import { appointmentsArea } from '../domain/appointments/appointmentsArea';
import { startAmiLink } from '../channels/pbx/amiPbxLink';
import { createCallsArea } from '../domain/calls/callsArea';
import { draftsArea } from '../domain/drafts/draftsArea';
import { inboxArea } from '../domain/inbox/inboxArea';
import { gdprArea } from '../domain/gdpr/gdprArea';
import { campaignsArea } from '../domain/campaigns/campaignsArea';
import { mediaArea } from '../domain/media/mediaArea';
import { patientsArea } from '../domain/patients/patientsArea';
import { settingsArea } from '../domain/settings/settingsArea';
import { setupArea } from '../domain/setup/setupArea';
import { templatesArea } from '../domain/templates/templatesArea';
import { usersArea } from '../domain/users/usersArea';
import { createWhatsAppLink } from '../channels/whatsapp/whatsappChannel';
import { createWhatsAppArea } from '../domain/whatsapp/whatsappArea';
import type { Area } from './area';
import { smsArea } from './smsArea';
import { visitLoopArea } from '../domain/visitLoop/visitLoopArea';
import { statsArea } from '../domain/stats/statsArea';
import { agendaArea } from '../domain/appointments/agendaArea';

/** Every room of the app. A new area registers here with one line. */
export const areas: Area[] = [
  settingsArea,
  inboxArea,
  patientsArea,
  mediaArea,
  templatesArea,
  appointmentsArea,
  createCallsArea(startAmiLink),
  smsArea,
  createWhatsAppArea((deps) => createWhatsAppLink(deps)),
  usersArea,
  setupArea,
  draftsArea,
  visitLoopArea,
  agendaArea,
  statsArea,
  gdprArea,
  campaignsArea,
];
