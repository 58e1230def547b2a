/** The WebSocket frames between the renderer and the host. Method names and payloads are the contract's. */
export interface WireFromClient {
  id: number;
  method: string;
  params: unknown;
}

export interface WireError {
  code: string;
  message: string;
  field?: string;
}

export type WireToClient =
  | { type: 'result'; id: number; result?: unknown; error?: WireError }
  | { type: 'event'; event: string; payload: unknown };
