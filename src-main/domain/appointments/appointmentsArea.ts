import type { Area } from '../../app/area';
import { announceDelay, automaticTick, previewDelay, sendNotices, setAutomatic } from '../delays/delayService';
import { publishDelays, waitingRoomBoard } from '../delays/waitingRoom';
import { dayBoard, setVisitStatus } from './appointmentService';
import { importAppointments } from './importService';

const MINUTE = 60_000;

/** Appointments, the day board and the delay broadcaster (one area: they share the practitioner's day). */
export const appointmentsArea: Area = {
  name: 'appointments',
  handlers: (ctx) => ({
    'appointments.day': () => dayBoard(ctx.messaging),
    'appointments.setStatus': ({ appointmentId, action }, call) => {
      setVisitStatus(ctx.messaging, appointmentId, action, call.user);
      return { ok: true as const };
    },
    'appointments.import': (req) => {
      const summary = importAppointments(ctx.messaging, req);
      if (!req.dryRun) publishDelays(ctx.messaging);
      return summary;
    },
    'delays.preview': ({ practitionerId }, call) => previewDelay(ctx.messaging, practitionerId, call.user),
    'delays.announce': ({ practitionerId, minutes }, call) => announceDelay(ctx.messaging, practitionerId, minutes, call.user),
    'delays.send': ({ practitionerId, revision }, call) => sendNotices(ctx.messaging, practitionerId, revision, call.user),
    'delays.setAutomatic': ({ practitionerId, automatic }, call) => setAutomatic(ctx.messaging, practitionerId, automatic, call.user),
    'delays.waitingRoom': () => waitingRoomBoard(ctx.messaging),
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
