import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App, type AppOptions } from '../../src-main/app/createApp';
import { DEFAULT_AUTO_REPLY_SETTINGS } from '../../src-main/domain/autoreplies/autoReplySettings';
import { saveAutoReplySettings } from '../../src-main/domain/autoreplies/autoReplyService';
import { ManualClock } from '../../src-main/domain/shared/clock';
import { seededRandom } from '../../src-main/domain/shared/random';

export const T0 = Date.UTC(2026, 10, 23, 9, 0, 0); // Monday 23 Nov 2026, 10:00 in Rome

export function tempDir(prefix = 'clinic-desk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Every automatic reply switched off, so a test's inbound message is answered only by what the test sends. */
const NO_AUTO_REPLIES = {
  ...DEFAULT_AUTO_REPLY_SETTINGS,
  welcome: { ...DEFAULT_AUTO_REPLY_SETTINGS.welcome, enabled: false },
  outOfHours: { ...DEFAULT_AUTO_REPLY_SETTINGS.outOfHours, enabled: false },
  keywords: { ...DEFAULT_AUTO_REPLY_SETTINGS.keywords, enabled: false },
};

/**
 * A real app on a temporary data folder, a manual clock and a seeded random; the outbox is driven by hand
 * unless asked, and automatic replies are off unless `autoReplies: true`.
 */
export async function tempApp(
  opts: Partial<AppOptions> & { autoReplies?: boolean } = {},
): Promise<App & { clock: ManualClock; cleanup(): Promise<void> }> {
  const { autoReplies = false, ...appOpts } = opts;
  const dataDir = appOpts.dataDir ?? tempDir();
  const clock = (appOpts.clock as ManualClock | undefined) ?? new ManualClock(T0);
  const app = await createApp({ startOutbox: false, random: seededRandom(1), ...appOpts, dataDir, clock });
  if (!autoReplies) saveAutoReplySettings(app.ctx.db, NO_AUTO_REPLIES);
  return Object.assign(app, {
    clock,
    async cleanup() {
      await app.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  });
}
