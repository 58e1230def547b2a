import type { PbxLink, PbxLinkFactory } from '../../domain/calls/liveCalls';
import { AmiCallTracker } from './amiCallTracker';
import { AmiClient } from './amiClient';

/** The live Asterisk link: an AMI client (login, reconnect with backoff) feeding the call tracker. */
export const startAmiLink: PbxLinkFactory = (config, deps): PbxLink => {
  const tracker = new AmiCallTracker({ now: deps.now, sink: deps.sink, abandonWithinSeconds: config.abandonWithinSeconds });
  const client = new AmiClient({
    host: config.host,
    port: config.port,
    username: config.username,
    secret: config.secret,
    clock: { now: deps.now },
    random: deps.random,
    onEvent: (e) => tracker.handle(e),
    onState: deps.onState,
  });
  client.start();
  return { stop: () => client.stop() };
};
