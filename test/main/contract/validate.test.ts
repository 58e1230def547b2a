import { describe, expect, it } from 'vitest';
import { api, events } from '../../../src-main/contract';
import { parseRequest } from '../../../src-main/contract/validate';
import { DeskError } from '../../../src-main/domain/shared/errors';
import { tempApp } from '../../helpers/tempApp';

function errorOf(fn: () => unknown): DeskError {
  try {
    fn();
  } catch (e) {
    return e as DeskError;
  }
  throw new Error('expected a DeskError');
}

describe('contract validation at the boundary', () => {
  it.each([
    ['message.send', { conversationId: 1, body: '' }, 'body', 'body: the message is empty'],
    ['message.send', { conversationId: 'one', body: 'hi' }, 'conversationId', 'conversationId:'],
    ['message.send', { conversationId: -4, body: 'hi' }, 'conversationId', 'conversationId:'],
    ['message.send', { conversationId: 1, body: 'hi', channel: 'fax' }, 'channel', 'channel:'],
    ['inbox.list', { limit: 100000 }, 'limit', 'limit:'],
    ['settings.update', { defaultRegion: 'Italy' }, 'defaultRegion', 'defaultRegion: a two-letter country code'],
    ['settings.update', { surprise: true }, 'surprise', 'Unrecognized key'],
    // Unknown fields are refused on every method, also where the contract file did not say .strict():
    ['inbox.list', { limitt: 5 }, 'limitt', 'Unrecognized key: "limitt"'],
    ['message.send', { conversationId: 1, body: 'hi', clientkey: 'k-1' }, 'clientkey', 'Unrecognized key'],
    ['calls.import', { fileName: 'a.csv', content: 'x', mapping: { startedAt: 'Start', bogus: 'x' } }, 'mapping.bogus', 'Unrecognized key'],
  ])('%s %j is refused naming %s', (method, params, field, message) => {
    const err = errorOf(() => parseRequest(method, params));
    expect(err).toBeInstanceOf(DeskError);
    expect(err.code).toBe('invalid_input');
    expect(err.field).toBe(field);
    expect(err.message).toContain(message);
  });

  it('refuses unknown methods, including inherited object keys', () => {
    expect(errorOf(() => parseRequest('nope', {})).code).toBe('unknown_method');
    expect(errorOf(() => parseRequest('toString', {})).code).toBe('unknown_method');
    expect(errorOf(() => parseRequest('__proto__', {})).code).toBe('unknown_method');
  });

  it('applies defaults', () => {
    expect(parseRequest('inbox.list', {}).request).toEqual({ status: 'active', mine: false, unanswered: false, channel: null, limit: 100, offset: 0, cursor: null });
  });

  it('every declared method is served, and every event has a schema', async () => {
    const app = await tempApp();
    try {
      expect(Object.keys(api).filter((m) => !app.served.has(m))).toEqual([]);
      for (const schema of Object.values(events)) expect(typeof schema.safeParse).toBe('function');
    } finally {
      await app.cleanup();
    }
  });
});

describe('unknown fields are refused on every method', () => {
  const lenient = (Object.keys(api) as (keyof typeof api)[]).filter((m) => api[m].request.safeParse({}).success);
  it.each(lenient)('%s refuses {} plus an unknown field', (method) => {
    const err = errorOf(() => parseRequest(method, { notInTheContract: 1 }));
    expect(err.code).toBe('invalid_input');
    expect(err.field).toBe('notInTheContract');
  });
  it('covers most methods', () => {
    expect(lenient.length).toBeGreaterThan(20);
  });
});
