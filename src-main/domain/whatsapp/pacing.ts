import { invalidInput } from '../shared/errors';
import type { Random } from '../shared/random';

/**
 * Ban-safe pacing for WhatsApp. Bulk sending from a linked device is what gets numbers banned,
 * so every message waits a jittered gap after the previous one, shows "typing…" first, and
 * messages to numbers that never wrote to the clinic are capped per rolling 24 hours.
 */
export interface PacingSettings {
  minGapMs: number;
  maxGapMs: number;
  /** Messages per rolling 24 h to numbers that never wrote to the clinic. 0 forbids first contacts. */
  firstContactDailyCap: number;
  typing: boolean;
}

/** Hard limits the clinic cannot configure past: below 2 s is a burst, above 2 min the queue stalls. */
export const PACING_LIMITS = {
  gapFloorMs: 2_000,
  gapCeilingMs: 120_000,
  firstContactCapMax: 200,
} as const;

export const DEFAULT_PACING: PacingSettings = {
  minGapMs: 2_000,
  maxGapMs: 4_000,
  firstContactDailyCap: 30,
  typing: true,
};

const DAY_MS = 24 * 60 * 60_000;

function integerIn(field: string, value: unknown, lo: number, hi: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw invalidInput(field, 'must be a whole number', { reason: 'errors-detail:wholeNumber', params: { field } });
  if (value < lo || value > hi) throw invalidInput(field, `must be between ${lo} and ${hi}`, field.endsWith('Ms')
      ? { reason: 'errors-detail:betweenSeconds', params: { field, lo: lo / 1000, hi: hi / 1000 } } // the form shows seconds
      : { reason: 'errors-detail:between', params: { field, lo, hi } });
  return value;
}

/** Merges a change into the current settings, rejecting anything outside the limits (naming the field). */
export function validatePacing(change: Partial<PacingSettings>, current: PacingSettings = DEFAULT_PACING): PacingSettings {
  const next = { ...current, ...change };
  const minGapMs = integerIn('minGapMs', next.minGapMs, PACING_LIMITS.gapFloorMs, PACING_LIMITS.gapCeilingMs);
  const maxGapMs = integerIn('maxGapMs', next.maxGapMs, PACING_LIMITS.gapFloorMs, PACING_LIMITS.gapCeilingMs);
  if (maxGapMs < minGapMs) throw invalidInput('maxGapMs', 'must not be shorter than the minimum gap', { reason: 'errors-detail:maxGap' });
  const firstContactDailyCap = integerIn('firstContactDailyCap', next.firstContactDailyCap, 0, PACING_LIMITS.firstContactCapMax);
  if (typeof next.typing !== 'boolean') throw invalidInput('typing', 'must be true or false', { reason: 'errors-fields:invalid', params: { field: 'typing' } });
  return { minGapMs, maxGapMs, firstContactDailyCap, typing: next.typing };
}

/** A gap drawn uniformly in [minGapMs, maxGapMs]: evenly spaced sends look automated. */
export function nextGapMs(s: Pick<PacingSettings, 'minGapMs' | 'maxGapMs'>, random: Random): number {
  return s.minGapMs + Math.floor(random() * (s.maxGapMs - s.minGapMs + 1));
}

/** When the next message may go: `gapMs` after the previous send started. */
export function earliestSendAt(lastSentAt: number | null, gapMs: number, now: number): number {
  return lastSentAt === null ? now : Math.max(now, lastSentAt + gapMs);
}

/** How long "typing…" shows before a message: longer texts type longer, within 0.8–4 s, jittered. */
export function typingMs(text: string, random: Random): number {
  const base = 800 + text.length * 25;
  return Math.round(Math.min(4_000, base) * (0.85 + random() * 0.3));
}

export type FirstContactDecision = { allowed: true } | { allowed: false; retryAt: number };

/**
 * Whether another first contact may go now, given when the previous ones went.
 * The window rolls: the oldest send in the last 24 h frees its slot exactly 24 h later.
 */
export function firstContactAllowance(sentAt: readonly number[], now: number, cap: number): FirstContactDecision {
  const recent = sentAt.filter((t) => t > now - DAY_MS).sort((a, b) => a - b);
  if (recent.length < cap) return { allowed: true };
  if (cap === 0) return { allowed: false, retryAt: now + DAY_MS };
  const freesAt = recent[recent.length - cap]! + DAY_MS;
  return { allowed: false, retryAt: freesAt };
}

export const FIRST_CONTACT_WINDOW_MS = DAY_MS;
