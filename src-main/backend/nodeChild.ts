import type { ChildProcess } from 'node:child_process';
import type { FromBackend, MessageEnd, ToBackend } from './protocol';

/** The parent's end of a backend started with child_process.fork (tests, and any plain-Node shell). */
export function childEnd(child: ChildProcess): MessageEnd<FromBackend, ToBackend> {
  return {
    post: (m) => {
      if (child.connected) child.send(m);
    },
    onMessage: (fn) => child.on('message', (m) => fn(m as FromBackend)),
  };
}
