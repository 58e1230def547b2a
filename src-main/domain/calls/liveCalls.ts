import type { CallDirection, NormalizedCall } from './callTypes';

/**
 * The port between a live PBX feed (the Asterisk AMI adapter in channels/pbx) and the call service:
 * ringing → popup with the matched patient; answered → popup shows who took it; ended → the call record.
 */
export type LiveCallEvent =
  | { kind: 'ringing'; callId: string; direction: CallDirection; number: string; extension: string | null; at: number }
  | { kind: 'answered'; callId: string; extension: string | null; at: number }
  | { kind: 'ended'; callId: string; call: NormalizedCall };

export type LiveCallSink = (event: LiveCallEvent) => void;

export type PbxLinkStatus = 'disabled' | 'connecting' | 'connected' | 'reconnecting' | 'auth_failed';

export interface PbxLinkState {
  status: PbxLinkStatus;
  /** Why the link is not up, in words for the settings page (e.g. "connect ECONNREFUSED 10.0.0.5:5038"). */
  detail: string | null;
  /** When the next reconnect attempt is due (ms epoch), while reconnecting. */
  nextAttemptAt: number | null;
}

/** What the area hands a PBX adapter to start a live link. */
export interface PbxLinkConfig {
  host: string;
  port: number;
  username: string;
  secret: string;
  abandonWithinSeconds: number;
}

export interface PbxLinkDeps {
  now: () => number;
  random: () => number;
  sink: LiveCallSink;
  onState: (state: PbxLinkState) => void;
}

export interface PbxLink {
  stop(): void;
}

/** Implemented by the AMI adapter (channels/pbx) and injected from the composition root: the domain never imports it. */
export type PbxLinkFactory = (config: PbxLinkConfig, deps: PbxLinkDeps) => PbxLink;
