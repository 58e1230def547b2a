/**
 * API of canned replies, business hours and automatic replies; on start, the starter templates for a new
 * clinic (once) and the auto-reply hook on inbound messages.
 */
import type { Area } from '../../app/area';
import { writeAudit } from '../../db/repositories/audit';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { patientBasics, previewPatients } from '../../db/repositories/templates';
import { loadLanguageDetector } from '../autoreplies/languageDetector';
import { getAutoReplySettings, handleInbound, languageProposalFor, saveAutoReplySettings } from '../autoreplies/autoReplyService';
import { hoursView, saveBusinessHours } from '../hours/hoursService';
import { notFound } from '../shared/errors';
import { getClinicProfile, saveClinicProfile } from './clinicProfile';
import { composeForConversation, listTemplateSummaries, previewTemplate, removeTemplate, saveTemplate, seedStarterTemplates } from './templateService';
import { KNOWN_VARIABLES } from './templateVariables';
import { TEMPLATE_CATEGORIES, TEMPLATE_LANGUAGES } from './validateTemplate';

const STARTER_SEEDED = 'templates.starterSeeded';

/** The demo clinic's contact details, so that its templates render like a real clinic's. */
const DEMO_PROFILE = { address: 'Via Torino 45, 20123 Milano', phone: '+39 02 8734 5120', website: 'www.studiomoretti.it' };

export const templatesArea: Area = {
  name: 'templates',
  handlers: (ctx) => ({
    'templates.list': () => ({
      items: listTemplateSummaries(ctx.db),
      variables: [...KNOWN_VARIABLES],
      languages: [...TEMPLATE_LANGUAGES],
      categories: [...TEMPLATE_CATEGORIES],
    }),
    'templates.save': (req, call) => {
      const saved = saveTemplate(ctx.db, req, ctx.clock.now());
      writeAudit(ctx.db, ctx.clock.now(), { actor: call.user, action: req.id ? 'template.update' : 'template.create', entity: 'template', entityId: saved.template.id, details: { name: saved.template.name } });
      ctx.events.emit('templates.changed', {});
      return saved;
    },
    'templates.delete': ({ id }, call) => {
      removeTemplate(ctx.db, id);
      writeAudit(ctx.db, ctx.clock.now(), { actor: call.user, action: 'template.delete', entity: 'template', entityId: id, details: {} });
      ctx.events.emit('templates.changed', {});
      return { ok: true as const };
    },
    'templates.compose': ({ templateId, conversationId }) => composeForConversation(ctx.db, templateId, conversationId, ctx.clock.now()),
    'templates.preview': (req) => previewTemplate(ctx.db, req, ctx.clock.now()),
    'templates.previewPatients': ({ query }) => ({ items: previewPatients(ctx.db, query) }),
    'language.propose': async ({ patientId }) => {
      const patient = patientBasics(ctx.db, patientId);
      if (!patient) throw notFound('Patient', patientId);
      await loadLanguageDetector(); // loaded on first need (languageDetector.ts)
      return { current: patient.language, proposal: languageProposalFor(ctx.db, patientId) };
    },
    'hours.get': () => hoursView(ctx.db, ctx.clock.now()),
    'hours.save': (req, call) => {
      saveBusinessHours(ctx.db, req);
      writeAudit(ctx.db, ctx.clock.now(), { actor: call.user, action: 'hours.update', entity: 'settings', entityId: 'hours', details: req });
      return hoursView(ctx.db, ctx.clock.now());
    },
    'autoReplies.get': () => getAutoReplySettings(ctx.db),
    'autoReplies.save': (req, call) => {
      const saved = saveAutoReplySettings(ctx.db, req);
      writeAudit(ctx.db, ctx.clock.now(), { actor: call.user, action: 'autoReplies.update', entity: 'settings', entityId: 'autoReplies', details: req });
      return saved;
    },
    'clinicProfile.get': () => getClinicProfile(ctx.db),
    'clinicProfile.save': (req) => saveClinicProfile(ctx.db, req),
  }),
  start(ctx) {
    if (!readSetting<boolean>(ctx.db, STARTER_SEEDED)) {
      seedStarterTemplates(ctx.db, ctx.clock.now());
      writeSetting(ctx.db, STARTER_SEEDED, true);
      if (ctx.demo) saveClinicProfile(ctx.db, DEMO_PROFILE);
    }
    const off = ctx.events.on('message.created', ({ conversationId, message }) => {
      if (message.direction !== 'in' || (message.channel !== 'whatsapp' && message.channel !== 'sms')) return;
      try {
        handleInbound(ctx.messaging, { messageId: message.id, conversationId, channel: message.channel, body: message.body, kind: message.kind, at: message.at });
      } catch (err) {
        // An auto-reply must never make the inbound message fail: it is stored already; the desk answers by hand.
        console.error('auto-reply failed for message', message.id, err);
      }
    });
    ctx.onStop.push(off);
  },
};
