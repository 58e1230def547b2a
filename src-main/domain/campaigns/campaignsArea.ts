import type { AppContext, Area } from '../../app/area';
import type { SegmentDefinition } from '../../contract/campaigns';
import { getCampaign, listCampaigns, nextDispatchTime } from '../../db/repositories/campaigns';
import { countSegment, deleteSegment, getSavedSegment, listSavedSegments, saveSegment, segmentPatients, type SavedSegmentRow } from '../../db/repositories/segments';
import { writeAudit } from '../../db/repositories/audit';
import { notFound } from '../shared/errors';
import { dispatchDue, type DispatchDeps } from './campaignDispatcher';
import { campaignReport, cancelCampaign, createCampaign, pauseCampaign, resumeCampaign, startCampaign } from './campaignLifecycle';
import { getPricing, previewCampaign, setPricing } from './campaignPreview';
import { automationWeek, runAutomations } from './automations';
import { getAutomationSettings, saveAutomationSettings } from './automationSettings';
import { compileForClinic } from './segmentService';

/** Each running app's dispatcher wake-up: a campaign started now sends now, not at the next idle check. */
const wakers = new WeakMap<AppContext, () => void>();

const toSaved = (r: SavedSegmentRow) => ({ id: r.id, name: r.name, definition: JSON.parse(r.definition) as SegmentDefinition, updatedAt: r.updated_at });

/** Longest sleep of the dispatcher: a campaign created by another process (the CLI) is noticed within it. */
const IDLE_CHECK_MS = 5_000;

export function dispatchDeps(ctx: AppContext): DispatchDeps {
  return { db: ctx.db, clock: ctx.clock, random: ctx.random, messaging: ctx.messaging };
}

/** Progress is pushed at most every 2 s of a campaign (the report reads every recipient), and always at its end. */
const PROGRESS_EVERY_MS = 2_000;
const lastProgress = new WeakMap<AppContext, Map<number, number>>();
const lastAutomationRun = new WeakMap<AppContext, number>();

/** Runs due campaign steps and pushes their progress. Exported for tests that drive the clock by hand. */
export function runCampaignTick(ctx: AppContext): void {
  const last = lastProgress.get(ctx) ?? new Map<number, number>();
  lastProgress.set(ctx, last);
  const now = ctx.clock.now();
  // The automations scan the patients: once a minute is enough for an hour-of-day rule.
  if (now - (lastAutomationRun.get(ctx) ?? -Infinity) >= 60_000) {
    lastAutomationRun.set(ctx, now);
    for (const id of runAutomations(ctx.db, now)) ctx.events.emit('campaign.progress', campaignReport(ctx.db, id));
  }
  for (const id of dispatchDue(dispatchDeps(ctx))) {
    const finished = getCampaign(ctx.db, id)?.status !== 'running';
    if (!finished && now - (last.get(id) ?? 0) < PROGRESS_EVERY_MS) continue;
    last.set(id, now);
    ctx.events.emit('campaign.progress', campaignReport(ctx.db, id));
  }
}

export const campaignsArea: Area = {
  name: 'campaigns',
  handlers: (ctx) => {
    const now = () => ctx.clock.now();
    const report = (id: number) => {
      const r = campaignReport(ctx.db, id);
      ctx.events.emit('campaign.progress', r);
      return r;
    };
    const wake = () => wakers.get(ctx)?.();
    return {
      'segments.count': ({ definition }) => ({ count: countSegment(ctx.db, compileForClinic(ctx.db, definition, now())) }),
      'segments.patients': ({ definition, limit, offset }) => {
        const c = compileForClinic(ctx.db, definition, now());
        return {
          patients: segmentPatients(ctx.db, c, limit, offset).map((p) => ({ id: p.id, firstName: p.first_name, lastName: p.last_name, language: p.language, birthDate: p.birth_date })),
          total: countSegment(ctx.db, c),
        };
      },
      'segments.list': () => ({ segments: listSavedSegments(ctx.db).map(toSaved) }),
      'segments.save': ({ id, name, definition }, call) => {
        if (id && !getSavedSegment(ctx.db, id)) throw notFound('Segment', id);
        const saved = saveSegment(ctx.db, { id, name, definition: JSON.stringify(definition), by: call.user }, now());
        return toSaved(getSavedSegment(ctx.db, saved)!);
      },
      'segments.remove': ({ id }) => {
        if (!deleteSegment(ctx.db, id)) throw notFound('Segment', id);
        return { ok: true as const };
      },
      'campaigns.preview': (req) => previewCampaign(ctx.db, req, now()),
      'campaigns.create': (req, call) => {
        const id = createCampaign(ctx.db, { ...req, segment: req.segment }, call.user, now());
        wake();
        return report(id);
      },
      'campaigns.start': ({ id }, call) => {
        startCampaign(ctx.db, id, call.user, now());
        wake();
        return report(id);
      },
      'campaigns.pause': ({ id }, call) => {
        pauseCampaign(ctx.db, id, call.user, now());
        return report(id);
      },
      'campaigns.resume': ({ id }, call) => {
        resumeCampaign(ctx.db, id, call.user, now());
        wake();
        return report(id);
      },
      'campaigns.cancel': ({ id }, call) => {
        cancelCampaign(ctx.db, id, call.user, now());
        return report(id);
      },
      'campaigns.list': () => ({ campaigns: listCampaigns(ctx.db).map((c) => campaignReport(ctx.db, c.id)) }),
      'campaigns.report': ({ id }) => campaignReport(ctx.db, id),
      'automations.get': () => getAutomationSettings(ctx.db),
      'automations.save': (req, call) => {
        const saved = ctx.db.transaction(() => {
          const next = saveAutomationSettings(ctx.db, req);
          writeAudit(ctx.db, now(), { actor: call.user, action: 'settings.automations', entity: 'settings', entityId: 'automations', details: next });
          return next;
        })();
        wake();
        return saved;
      },
      'automations.week': () => automationWeek(ctx.db, now()),
      'campaigns.getPricing': () => getPricing(ctx.db),
      'campaigns.setPricing': (p, call) => {
        setPricing(ctx.db, p);
        writeAudit(ctx.db, now(), { actor: call.user, action: 'settings.pricing', entity: 'settings', entityId: 'campaigns', details: p });
        return { ok: true as const };
      },
    };
  },
  start(ctx) {
    if (ctx.oneShot) return;
    let timer: NodeJS.Timeout | null = null;
    let stopped = false;
    const schedule = () => {
      if (stopped) return;
      if (timer) clearTimeout(timer);
      const next = nextDispatchTime(ctx.db);
      const wait = next === null ? IDLE_CHECK_MS : Math.min(IDLE_CHECK_MS, Math.max(0, next - ctx.clock.now()));
      timer = setTimeout(tick, wait);
      timer.unref?.();
    };
    const tick = () => {
      try {
        runCampaignTick(ctx);
      } finally {
        schedule();
      }
    };
    wakers.set(ctx, schedule);
    schedule();
    ctx.onStop.push(() => {
      stopped = true;
      if (timer) clearTimeout(timer);
      wakers.delete(ctx);
    });
  },
};

