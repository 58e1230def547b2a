import type { Area } from '../../app/area';
import type { CallSettingsDto } from '../../contract/calls';
import { deleteImportMapping, listImportMappings } from '../../db/repositories/callImports';
import { countCallsByResult, listCalls } from '../../db/repositories/calls';
import { listTemplates } from '../../db/repositories/templates';
import { getClinicSettings } from '../settings/clinicSettings';
import { startOfLocalDay } from '../hours/zonedTime';
import { DeskError, notFound } from '../shared/errors';
import type { AppContext } from '../../app/area';
import { toCallDto } from './callDtos';
import { closeCallbackTask, openCallbackTasks, reopenCallbackTask } from './callbackService';
import { recordManualCall } from './callService';
import { getCdrSettings, saveCdrSettings } from './cdrSettings';
import { getAbandonWithinSeconds, getPbxConfig, getTextBackRules, hasReadablePbxSecret, saveAbandonWithinSeconds, savePbxConfig, saveTextBackRules } from './callSettings';
import { seedDemoCalls } from './demoCalls';
import { ringDemoPhone } from './demoPhone';
import { importCallFile, saveColumnMapping } from './importService';
import { importOffRequestThread } from './importThread/importOffThread';
import type { PbxLinkFactory } from './liveCalls';
import { PbxLinkController } from './pbxLinkController';
import { ensureTextBackTemplate } from './textBackTemplate';
import { columnMapping } from '../../contract/calls';

const DAY = 24 * 3_600_000;

function settingsOf(ctx: AppContext, link: PbxLinkController): CallSettingsDto {
  const pbx = getPbxConfig(ctx.db);
  return {
    textBack: getTextBackRules(ctx.db),
    abandonWithinSeconds: getAbandonWithinSeconds(ctx.db),
    pbx: { enabled: pbx.enabled, host: pbx.host, port: pbx.port, username: pbx.username, secretSet: hasReadablePbxSecret(ctx.db, ctx.secrets) },
    cdr: { ...getCdrSettings(ctx.db), trunkPatterns: [...getCdrSettings(ctx.db).trunkPatterns] },
    pbxState: link.state,
    mappings: listImportMappings(ctx.db).flatMap((m) => {
      const parsed = columnMapping.safeParse(m.mapping);
      return parsed.success ? [{ sourceName: m.sourceName, mapping: parsed.data, updatedAt: m.updatedAt }] : [];
    }),
    templates: listTemplates(ctx.db).map((t) => ({ shortcode: t.shortcode, name: t.name })),
  };
}

/**
 * The call log: manual entry, PBX file imports, the live PBX link (its adapter injected from the
 * composition root, so the domain never imports channels), callback tasks and text-back settings.
 */
export function createCallsArea(pbxLinkFactory: PbxLinkFactory | null): Area {
  const links = new WeakMap<AppContext, PbxLinkController>();
  const linkOf = (ctx: AppContext): PbxLinkController => {
    let link = links.get(ctx);
    if (!link) links.set(ctx, (link = new PbxLinkController(ctx, pbxLinkFactory)));
    return link;
  };
  return {
    name: 'calls',
    handlers: (ctx) => ({
      'calls.list': (req) => {
        const tz = getClinicSettings(ctx.db).timeZone;
        const from = req.from ?? null;
        const to = req.to ?? null;
        const { rows, total } = listCalls(ctx.db, {
          from,
          to,
          results: req.results,
          direction: req.direction ?? null,
          numberLike: req.number ? req.number.replace(/[^\d]/g, '') || null : null,
          patientId: req.patientId ?? null,
          limit: req.limit,
          offset: req.offset,
        });
        const countFrom = from ?? startOfLocalDay(ctx.clock.now(), tz);
        const counts = { answered: 0, missed: 0, abandoned: 0, voicemail: 0, busy: 0, outgoing: 0 };
        for (const c of countCallsByResult(ctx.db, countFrom, to ?? countFrom + DAY)) {
          if (c.direction === 'out') counts.outgoing += c.n;
          else counts[c.result] += c.n;
        }
        return { calls: rows.map(toCallDto), total, counts };
      },
      'calls.add': (req, call) => recordManualCall(ctx.messaging, req, call.user),
      'calls.import': (req, call) => importOffRequestThread(ctx, req, call.user) ?? importCallFile(ctx.messaging, req, call.user),
      'calls.callbacks': () => ({ tasks: openCallbackTasks(ctx.messaging) }),
      'calls.closeCallback': ({ taskId, reason }, call) => ({ task: closeCallbackTask(ctx.messaging, taskId, reason, call.user) }),
      'calls.reopenCallback': ({ taskId }) => ({ task: reopenCallbackTask(ctx.messaging, taskId) }),
      'calls.settings': () => settingsOf(ctx, linkOf(ctx)),
      'calls.saveSettings': (req) => {
        ctx.db.transaction(() => {
          if (req.textBack) {
            if (req.textBack.enabled) ensureTextBackTemplate(ctx.db, req.textBack.templateShortcode, ctx.clock.now());
            saveTextBackRules(ctx.db, req.textBack);
          }
          if (req.abandonWithinSeconds !== undefined) saveAbandonWithinSeconds(ctx.db, req.abandonWithinSeconds);
          if (req.pbx) savePbxConfig(ctx.db, ctx.secrets, req.pbx);
          if (req.cdr) saveCdrSettings(ctx.db, req.cdr);
        })();
        if (req.pbx || req.abandonWithinSeconds !== undefined) linkOf(ctx).restart();
        return settingsOf(ctx, linkOf(ctx));
      },
      'calls.saveMapping': ({ sourceName, mapping }) => {
        saveColumnMapping(ctx.messaging, sourceName, mapping);
        return { ok: true as const };
      },
      'calls.demoRing': () => {
        if (!ctx.demo) throw new DeskError('forbidden', 'calls.demoRing: only the demo clinic has a pretend switchboard');
        return ringDemoPhone(ctx.messaging, ctx.random, (fn, ms) => {
          const timer = setTimeout(fn, ms);
          timer.unref?.();
          ctx.onStop.push(() => clearTimeout(timer));
        });
      },
      'calls.deleteMapping': ({ sourceName }) => {
        if (!deleteImportMapping(ctx.db, sourceName)) throw notFound('Column mapping', sourceName);
        return { ok: true as const };
      },
    }),
    start(ctx) {
      if (ctx.demo) seedDemoCalls(ctx.messaging);
      const link = linkOf(ctx);
      link.restart();
      ctx.onStop.push(() => link.stop());
    },
  };
}
