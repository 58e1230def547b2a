/**
 * The least a desk password must be. Length matters most (NIST SP 800-63B); on top of it we refuse what
 * a guesser tries first: one repeated character, keyboard and number runs, the clinic words and the
 * person's own name.
 */
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 200;

export type PasswordProblem = 'too_short' | 'too_long' | 'too_simple' | 'contains_name';

const RUNS = ['0123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm', 'qwertzuiop', 'azertyuiop'];
const COMMON = ['password', 'passw0rd', 'haslo', 'hasło', 'parola', 'clinic', 'clinica', 'klinika', 'desk', 'admin', 'welcome', 'letmein', 'iloveyou', 'dentist', 'dentista', 'recepcja', 'reception'];

/** The characters left once runs, repeats and common words are taken out. */
function leftover(pw: string): string {
  let s = pw.toLowerCase();
  for (const w of COMMON) s = s.split(w).join('');
  for (const run of RUNS) {
    for (const seq of [run, [...run].reverse().join('')]) {
      for (let len = seq.length; len >= 3; len--) {
        for (let i = 0; i + len <= seq.length; i++) s = s.split(seq.slice(i, i + len)).join('');
      }
    }
  }
  return s.replace(/(.)\1+/g, '$1');
}

export function passwordProblem(password: string, userName = ''): PasswordProblem | null {
  const chars = [...password];
  if (chars.length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (chars.length > MAX_PASSWORD_LENGTH) return 'too_long';
  const name = userName.trim().toLowerCase();
  if (name.length >= 3 && password.toLowerCase().includes(name)) return 'contains_name';
  // What remains after removing the predictable parts must still be a few different characters.
  if (new Set(leftover(password)).size < 4) return 'too_simple';
  if (new Set(chars).size < 5) return 'too_simple';
  return null;
}

export const PASSWORD_PROBLEM_TEXT: Record<PasswordProblem, string> = {
  too_short: `the password must be at least ${MIN_PASSWORD_LENGTH} characters long`,
  too_long: `the password must be at most ${MAX_PASSWORD_LENGTH} characters long`,
  too_simple: 'the password is too easy to guess (a common word, a keyboard or number run, or one repeated character)',
  contains_name: 'the password must not contain the user name',
};
