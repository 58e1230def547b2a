/**
 * AMI wire format: after a one-line banner ("Asterisk Call Manager/5.0.1"), messages are "Key: Value" lines
 * ending in CRLF, each message closed by an empty line. Keys repeat in a few events (ChanVariable), so the
 * last value wins — none of the fields we read repeat.
 */
export type AmiMessage = Record<string, string>;

export class AmiFrameReader {
  private buffer = '';
  private bannerSeen = false;
  banner: string | null = null;

  /** Feeds raw socket text; returns the complete messages it closed. */
  push(chunk: string): AmiMessage[] {
    this.buffer += chunk;
    if (!this.bannerSeen) {
      const eol = this.buffer.indexOf('\n');
      if (eol < 0) return [];
      this.banner = this.buffer.slice(0, eol).replace(/\r$/, '');
      this.buffer = this.buffer.slice(eol + 1);
      this.bannerSeen = true;
    }
    const messages: AmiMessage[] = [];
    for (;;) {
      const end = /\r?\n\r?\n/.exec(this.buffer);
      if (!end) break;
      const block = this.buffer.slice(0, end.index);
      this.buffer = this.buffer.slice(end.index + end[0].length);
      const message = parseBlock(block);
      if (Object.keys(message).length > 0) messages.push(message);
    }
    return messages;
  }
}

export function parseBlock(block: string): AmiMessage {
  const message: AmiMessage = {};
  for (const line of block.split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    message[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  }
  return message;
}

/** Serialises an action; values never contain newlines (they would inject headers), so those are refused. */
export function formatAction(fields: Record<string, string>): string {
  let out = '';
  for (const [key, value] of Object.entries(fields)) {
    if (/[\r\n]/.test(key) || /[\r\n]/.test(value)) throw new Error(`AMI field ${key} contains a line break`);
    out += `${key}: ${value}\r\n`;
  }
  return `${out}\r\n`;
}
