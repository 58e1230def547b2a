import type { Area } from '../../app/area';
import { announceDelay, automaticTick, previewDelay, sendNotices, setAutomatic } from '../delays/delayService';
import { publishDelays, waitingRoomBoard } from '../delays/waitingRoom';
import { noticePolicy, saveNoticePolicy } from '../delays/practitionerDay';
import type { NoticePolicy } from '../delays/noticeDecision';
import { dayBoard, setVisitStatus } from './appointmentService';
import { agendaDay } from './agendaDay';
import { listPractitioners, savePractitioner } from './practitionerService';
import { importAppointments } from './importService';
import { importNotices, visitCancelled } from '../visitLoop/lifecycleService';
import { visitLoopDeps } from '../visitLoop/visitLoopArea';
import { isFirstImport } from '../../db/repositories/agendaCatalog';

const MINUTE = 60_000;

const policyDto = (p: NoticePolicy) => ({ thresholdMinutes: p.thresholdMinutes, capPerPatientPerDay: p.capPerPatientPerDay, quietHours: p.quietHours });

/** Appointments, the day board and the delay broadcaster (one area: they share the practitioner's day). */
export const appointmentsArea: Area = {
  name: 'appointments',
  handlers: (ctx) => ({
    'appointments.day': ({ day }) => (day ? agendaDay(ctx.messaging, day) : dayBoard(ctx.messaging)),
    'appointments.setStatus': ({ appointmentId, action }, call) => {
      setVisitStatus(ctx.messaging, appointmentId, action, call.user);
      // The clinic cancelled it: one cancellation notice to the patient (visit loop, on/off per clinic).
      if (action === 'cancel') visitCancelled(visitLoopDeps(ctx), appointmentId);
      return { ok: true as const };
    },
    'appointments.import': (req) => {
      // A clinic's first import is its whole existing agenda: confirming every visit in it would surprise
      // hundreds of patients at once, so confirmations are off for it unless the desk turns them on.
      const firstImport = isFirstImport(ctx.db);
      const sendConfirmations = req.sendConfirmations ?? !firstImport;
      const { changes, ...summary } = importAppointments(ctx.messaging, req);
      if (!req.dryRun) publishDelays(ctx.messaging);
      // New future visits get a booking confirmation (when sent), moved ones a reschedule notice, cancelled ones a notice.
      const noticesQueued = changes ? importNotices(visitLoopDeps(ctx), sendConfirmations ? changes : changes.filter((c) => c.change !== 'created')) : 0;
      return { ...summary, firstImport, confirmations: { sent: sendConfirmations, noticesQueued } };
    },
    'delays.preview': ({ practitionerId }, call) => previewDelay(ctx.messaging, practitionerId, call.user),
    'delays.announce': ({ practitionerId, minutes }, call) => announceDelay(ctx.messaging, practitionerId, minutes, call.user),
    'delays.send': ({ practitionerId, revision, appointmentIds }, call) => sendNotices(ctx.messaging, practitionerId, revision, call.user, appointmentIds),
    'delays.setAutomatic': ({ practitionerId, automatic }, call) => setAutomatic(ctx.messaging, practitionerId, automatic, call.user),
    'delays.waitingRoom': () => waitingRoomBoard(ctx.messaging),
    'practitioners.list': () => ({ practitioners: listPractitioners(ctx.db) }),
    'practitioners.save': (req) => {
      const saved = savePractitioner(ctx.db, req);
      publishDelays(ctx.messaging);
      return saved;
    },
    'delays.policy': () => policyDto(noticePolicy(ctx.db)),
    'delays.setPolicy': (req) => policyDto(saveNoticePolicy(ctx.db, req)),
  }),
  start(ctx) {
    // A derived delay grows with the clock: refresh the screens and let automatic mode act once a minute.
    const timer = setInterval(() => {
      automaticTick(ctx.messaging);
      publishDelays(ctx.messaging);
    }, MINUTE);
    timer.unref?.();
    ctx.onStop.push(() => clearInterval(timer));
  },
};
