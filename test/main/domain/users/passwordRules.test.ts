import { describe, expect, it } from 'vitest';
import { passwordProblem } from '../../../../src-main/domain/users/passwordRules';

describe('password strength rule', () => {
  it.each([
    [' ', 'too_short'],
    ['abc12345', 'too_short'],
    ['aaaaaaaaaaaa', 'too_simple'],
    ['1234567890', 'too_simple'],
    ['qwertyuiop12', 'too_simple'],
    ['password123', 'too_simple'],
    ['Haslo12345!', 'too_simple'],
    ['abcabcabcabc', 'too_simple'],
    ['anna-rossi-2026', 'contains_name'],
    ['x'.repeat(201), 'too_long'],
  ])('refuses %j (%s)', (pw, problem) => {
    expect(passwordProblem(pw, 'Anna')).toBe(problem);
  });

  it.each(['correct horse battery', 'Zebra!Lampa7Okno', 'gatto-nero-sul-tetto', 'Żółw pływa 2x'])('accepts %j', (pw) => {
    expect(passwordProblem(pw, 'Anna')).toBeNull();
  });
});
