import type { SegmentDefinition } from '../../contract/campaigns';
import type { Db } from '../../db/database';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { segmentPatients } from '../../db/repositories/segments';
import { getTemplate } from '../../db/repositories/templates';
import type { Channel } from '../messaging/channelPort';
import { notFound } from '../shared/errors';
import { getSmsSettings } from '../sms/smsSettings';
import { previewSms } from '../sms/smsSegments';
import { getWhatsAppSettings } from '../whatsapp/whatsappSettings';
import { estimatedMinutes } from './campaignPace';
import { campaignText } from './campaignText';
import { decideConsent, type RefusalReason } from './consentRules';
import { recipientFacts } from './recipientFacts';
import { compileForClinic } from './segmentService';

/** The clinic's price of one SMS segment with its provider, for the cost estimate (settings key "campaigns.pricing"). */
export interface Pricing {
  pricePerSegment: number | null;
  currency: string;
}
const PRICING_KEY = 'campaigns.pricing';

export function getPricing(db: Db): Pricing {
  return readSetting<Pricing>(db, PRICING_KEY) ?? { pricePerSegment: null, currency: 'EUR' };
}

export function setPricing(db: Db, p: Pricing): void {
  writeSetting(db, PRICING_KEY, p);
}

interface Line {
  language: string;
  channel: Channel;
  recipients: number;
  text: string;
  smsSegments: number;
  smsEncoding: string;
  missing: string[];
}

/**
 * What a campaign would send now: for each language and channel, how many patients, the text the first of them
 * would get, its SMS segments; refusals by reason; SMS segments in total (each patient's own text, since names
 * differ in length) and the cost at the clinic's price.
 */
export function previewCampaign(db: Db, req: { segment: SegmentDefinition; templateId: number; channels: Channel[]; perMinute: number }, now: number) {
  const template = getTemplate(db, req.templateId);
  if (!template) throw notFound('Template', req.templateId);
  const compiled = compileForClinic(db, req.segment, now);
  const transliterate = getSmsSettings(db).transliterate;
  const lines = new Map<string, Line>();
  const refusals = new Map<RefusalReason, number>();
  const perChannel: Partial<Record<Channel, number>> = {};
  let total = 0;
  let smsMessages = 0;
  let smsSegments = 0;
  const PAGE = 1000;
  for (let offset = 0; ; offset += PAGE) {
    const page = segmentPatients(db, compiled, PAGE, offset);
    for (const p of page) {
      total++;
      const { facts } = recipientFacts(db, p.id);
      const d = decideConsent('marketing', facts, req.channels);
      if (!d.ok) {
        refusals.set(d.reason, (refusals.get(d.reason) ?? 0) + 1);
        continue;
      }
      const text = campaignText(db, template.variants, { firstName: p.first_name, lastName: p.last_name, language: p.language }, now);
      if (!text) {
        refusals.set('no_variant', (refusals.get('no_variant') ?? 0) + 1);
        continue;
      }
      const sms = previewSms(text.text, { transliterate });
      const key = `${text.language}/${d.channel}`;
      const line = lines.get(key) ?? {
        language: text.language,
        channel: d.channel,
        recipients: 0,
        text: text.text,
        smsSegments: d.channel === 'sms' ? sms.count.segments : 0,
        smsEncoding: d.channel === 'sms' ? sms.count.encoding : '',
        missing: text.missing,
      };
      line.recipients++;
      lines.set(key, line);
      perChannel[d.channel] = (perChannel[d.channel] ?? 0) + 1;
      if (d.channel === 'sms') {
        smsMessages++;
        smsSegments += sms.count.segments;
      }
    }
    if (page.length < PAGE) break;
  }
  const pricing = getPricing(db);
  return {
    lines: [...lines.values()].sort((a, b) => b.recipients - a.recipients),
    refusals: [...refusals].map(([reason, count]) => ({ reason, count })),
    total,
    smsMessages,
    smsSegments,
    estimatedCost: pricing.pricePerSegment === null ? null : Math.round(smsSegments * pricing.pricePerSegment * 100) / 100,
    currency: pricing.pricePerSegment === null ? null : pricing.currency,
    estimatedMinutes: estimatedMinutes(perChannel, req.perMinute, { pacing: getWhatsAppSettings(db), smsProvider: getSmsSettings(db).activeProvider }),
  };
}
