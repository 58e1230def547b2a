import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { twilioSignature, twilioSignatureMatches, twilioUrlVariants } from '../../../../../src-main/channels/sms/twilio/twilioWebhook';

/** twilio-python's own RequestValidator test vectors (test/fixtures/real/SOURCES.md). */
const v = JSON.parse(readFileSync('test/fixtures/real/sms/twilio-request-validator-vectors.json', 'utf8')) as {
  authToken: string;
  uri: string;
  params: [string, string][];
  expected: string;
  duplicateParams: [string, string][];
  duplicateExpected: string;
  validations: { name: string; uri: string; signature: string }[];
};

describe("Twilio's official signature vectors", () => {
  it('computes the signature of the reference request', () => {
    expect(twilioSignature(v.authToken, v.uri, v.params)).toBe(v.expected);
  });

  it('signs a repeated key once per value (Digits=5678&Digits=1234)', () => {
    expect(twilioSignature(v.authToken, v.uri, v.duplicateParams)).toBe(v.duplicateExpected);
  });

  it.each(v.validations)('accepts: $name', ({ uri, signature }) => {
    expect(twilioSignatureMatches(v.authToken, signature, uri, v.params)).toBe(true);
  });

  it('still refuses a wrong token or a changed parameter', () => {
    expect(twilioSignatureMatches('54321', v.expected, v.uri, v.params)).toBe(false);
    expect(twilioSignatureMatches(v.authToken, v.expected, v.uri, [...v.params.slice(1), ['CallSid', 'CA0000000000ABCDE']])).toBe(false);
  });

  it('URL variants keep the query as written', () => {
    expect(twilioUrlVariants('https://example.com:443/path?test=param%27WithQuote')).toEqual([
      'https://example.com/path?test=param%27WithQuote',
      'https://example.com:443/path?test=param%27WithQuote',
    ]);
  });
});
