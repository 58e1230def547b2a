import type { AppContext } from '../../app/area';
import { getAbandonWithinSeconds, getPbxConfig, pbxSecret } from './callSettings';
import { handleLiveCall } from './liveCallService';
import type { PbxLink, PbxLinkFactory, PbxLinkState } from './liveCalls';

/**
 * Keeps the one live PBX link in step with the settings: started at app start when enabled, restarted when
 * the settings change, stopped on shutdown. Its state is pushed to the settings page.
 */
export class PbxLinkController {
  private link: PbxLink | null = null;
  private current: PbxLinkState = { status: 'disabled', detail: null, nextAttemptAt: null };

  constructor(
    private readonly ctx: AppContext,
    private readonly factory: PbxLinkFactory | null,
  ) {}

  get state(): PbxLinkState {
    return this.current;
  }

  private setState(state: PbxLinkState): void {
    this.current = state;
    this.ctx.events.emit('calls.pbxState', state);
  }

  restart(): void {
    this.stop();
    const config = getPbxConfig(this.ctx.db);
    if (!config.enabled || !this.factory) return;
    const stored = pbxSecret(this.ctx.db, this.ctx.secrets);
    if (!stored || 'unreadable' in stored) {
      const why = stored ? ` (${stored.unreadable})` : '';
      this.setState({ status: 'auth_failed', detail: `The stored AMI secret cannot be read on this machine${why}: type it again.`, nextAttemptAt: null });
      return;
    }
    const { secret } = stored;
    this.link = this.factory(
      { host: config.host, port: config.port, username: config.username, secret, abandonWithinSeconds: getAbandonWithinSeconds(this.ctx.db) },
      {
        now: () => this.ctx.clock.now(),
        random: this.ctx.random,
        sink: (e) => {
          // A bad event must not take the socket (and the desk) down with it; the next call is handled normally.
          try {
            handleLiveCall(this.ctx.messaging, e);
          } catch (err) {
            console.error('[calls] live call event failed:', err);
          }
        },
        onState: (s) => this.setState(s),
      },
    );
  }

  stop(): void {
    this.link?.stop();
    this.link = null;
    if (this.current.status !== 'disabled') this.setState({ status: 'disabled', detail: null, nextAttemptAt: null });
  }
}
