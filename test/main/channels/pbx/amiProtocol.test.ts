import { describe, expect, it } from 'vitest';
import { AmiFrameReader, formatAction } from '../../../../src-main/channels/pbx/amiProtocol';

describe('AmiFrameReader', () => {
  const wire = 'Asterisk Call Manager/5.0.1\r\nResponse: Success\r\nActionID: desk-1\r\nMessage: Authentication accepted\r\n\r\nEvent: FullyBooted\r\nStatus: Fully Booted\r\n\r\n';

  it('reads the banner and whole messages', () => {
    const reader = new AmiFrameReader();
    const messages = reader.push(wire);
    expect(reader.banner).toBe('Asterisk Call Manager/5.0.1');
    expect(messages).toEqual([
      { Response: 'Success', ActionID: 'desk-1', Message: 'Authentication accepted' },
      { Event: 'FullyBooted', Status: 'Fully Booted' },
    ]);
  });

  it('gives the same messages when the bytes arrive one at a time', () => {
    const reader = new AmiFrameReader();
    const messages = [...wire].flatMap((ch) => reader.push(ch));
    expect(messages.map((m) => m.Response ?? m.Event)).toEqual(['Success', 'FullyBooted']);
  });

  it('keeps colons inside values (channel names, times)', () => {
    const reader = new AmiFrameReader();
    const [m] = reader.push('banner\r\nEvent: Newexten\r\nAppData: PJSIP/101/sip:101@10.0.0.21:5060,20\r\n\r\n');
    expect(m?.AppData).toBe('PJSIP/101/sip:101@10.0.0.21:5060,20');
  });
});

describe('formatAction', () => {
  it('writes CRLF lines and a closing blank line', () => {
    expect(formatAction({ Action: 'Ping', ActionID: 'desk-2' })).toBe('Action: Ping\r\nActionID: desk-2\r\n\r\n');
  });

  it('refuses a value with a line break (it would inject headers)', () => {
    expect(() => formatAction({ Action: 'Login', Secret: 'x\r\nAction: Originate' })).toThrow(/line break/);
  });
});
