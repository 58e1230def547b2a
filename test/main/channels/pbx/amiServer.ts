import { createServer, type Server, type Socket } from 'node:net';

/**
 * A stand-in Asterisk manager on 127.0.0.1 (port 0): sends the banner, answers Login and Ping with the
 * caller's ActionID, then replays recorded event text. Like Asterisk's manager.c (should_send_event), a
 * session only receives events whose `Privilege` classes it asked for in Login's `Events` (e.g. Newexten is
 * `dialplan`, not `call`). `silent` makes it stop answering and sending while keeping the TCP link open.
 */
export interface AmiServer {
  port: number;
  logins: Array<Record<string, string>>;
  replay(text: string): void;
  dropClients(): void;
  /** A link that stays open but carries nothing (a frozen Asterisk, a NAT that dropped the mapping). */
  silent: boolean;
  pings: number;
  close(): Promise<void>;
}

function parseAction(block: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of block.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) out[line.slice(0, i)] = line.slice(i + 1).trim();
  }
  return out;
}

export async function startAmiServer(opts: { secret: string }): Promise<AmiServer> {
  const clients = new Set<Socket>();
  const classes = new Map<Socket, Set<string>>();
  const state = { silent: false, pings: 0 };
  const logins: Array<Record<string, string>> = [];
  const server: Server = createServer((socket) => {
    clients.add(socket);
    socket.on('close', () => clients.delete(socket));
    socket.on('error', () => undefined);
    socket.setEncoding('utf8');
    socket.write('Asterisk Call Manager/5.0.1\r\n');
    let buffer = '';
    socket.on('data', (chunk: string) => {
      if (state.silent) return;
      buffer += chunk;
      let end: number;
      while ((end = buffer.indexOf('\r\n\r\n')) >= 0) {
        const action = parseAction(buffer.slice(0, end));
        buffer = buffer.slice(end + 4);
        const id = action.ActionID ?? '';
        if (action.Action === 'Login') {
          logins.push(action);
          classes.set(socket, new Set((action.Events ?? 'on').split(',').map((c) => c.trim().toLowerCase())));
          if (action.Secret === opts.secret) {
            socket.write(`Response: Success\r\nActionID: ${id}\r\nMessage: Authentication accepted\r\n\r\n`);
            socket.write('Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n');
          } else {
            socket.write(`Response: Error\r\nActionID: ${id}\r\nMessage: Authentication failed\r\n\r\n`);
            socket.end();
          }
        } else if (action.Action === 'Ping') {
          state.pings++;
          socket.write(`Response: Success\r\nActionID: ${id}\r\nPing: Pong\r\nTimestamp: 1741680133.000000\r\n\r\n`);
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    port: address.port,
    logins,
    replay(text) {
      const nl = text.includes('\r\n') ? '\r\n' : '\n';
      for (const c of clients) {
        const wanted = classes.get(c) ?? new Set(['on']);
        const blocks = text.split(nl + nl).filter((block) => {
          const privilege = /^Privilege: (.*)$/m.exec(block)?.[1]?.split(',').map((p) => p.trim()) ?? [];
          return wanted.has('on') || privilege.some((p) => p !== 'all' && wanted.has(p));
        });
        if (blocks.length) c.write(blocks.map((b) => b.replace(/\r?\n/g, '\r\n')).join('\r\n\r\n') + '\r\n\r\n');
      }
    },
    get silent() {
      return state.silent;
    },
    set silent(v: boolean) {
      state.silent = v;
    },
    get pings() {
      return state.pings;
    },
    dropClients() {
      for (const c of clients) c.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of clients) c.destroy();
        server.close(() => resolve());
      }),
  };
}
