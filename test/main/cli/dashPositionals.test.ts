import { afterEach, describe, expect, it, vi } from 'vitest';
import { protectDashPositionals } from '../../../src-main/cli/dashPositionals';
import { runCli } from '../../../src-main/cli/main';

afterEach(() => vi.restoreAllMocks());

describe('positionals that start with a dash', () => {
  it('sms-segments "-10% sulla pulizia" counts the text instead of failing as an unknown option', async () => {
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await runCli(['sms-segments', '-10% sulla pulizia', '--json']);
    expect(err).not.toHaveBeenCalled();
    expect(code).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ encoding: 'GSM-7', segments: 1, characters: 18 });
  });

  it('keeps options and their values, moves dash positionals after "--"', () => {
    const options = { json: { type: 'boolean' as const }, data: { type: 'string' as const } };
    expect(protectDashPositionals(['-5 €', '--data', '/tmp/x', '--json'], options)).toEqual(['--data', '/tmp/x', '--json', '--', '-5 €']);
    expect(protectDashPositionals(['ciao', '--json'], options)).toEqual(['ciao', '--json']);
  });
});
