import { z } from 'zod';
import type { EventMap } from './define';

/** Why an update check or download failed: an error value whose `reason` the UI translates (errors-updates). */
export const updateError = z.object({
  code: z.literal('update_failed'),
  reason: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  /** electron-updater's own message, for diagnostics and a bug report; never shown as the sentence. */
  message: z.string(),
});

/** The desk's updater as Settings → This desk shows it (src-main/app/updates/deskUpdater.ts keeps it). */
export const updateState = z.object({
  mode: z.union([
    z.object({ on: z.literal(true), channel: z.enum(['stable', 'beta']) }),
    z.object({ on: z.literal(false), reason: z.enum(['it-off', 'config-unreadable', 'development', 'msi', 'package-manager', 'no-feed']) }),
  ]),
  lastCheckAt: z.number().nullable(),
  nextCheckAt: z.number().nullable(),
  /** Asking the update source right now. */
  checking: z.boolean(),
  /** A newer version found and being downloaded in the background … */
  available: z.string().nullable(),
  /** … this far (whole percent), while it downloads. */
  percent: z.number().int().min(0).max(100).nullable(),
  /** Downloaded and waiting: it installs when Clinic Desk quits, never while someone works. */
  downloaded: z.string().nullable(),
  lastError: z.string().nullable(),
  error: updateError.nullable(),
});

export const updatesEvents = {
  /** Pushed by the desktop shell to its windows whenever the updater's state changes. */
  'updates.state': updateState,
} satisfies EventMap;
