import type { ParseArgsConfig } from 'node:util';

/**
 * node:util parseArgs reads any argument starting with "-" as an option, so `sms-segments "-10% sulla
 * pulizia"` failed as an unknown option "-1". Arguments that do not look like an option name (a dash
 * followed by a letter) are positionals: they are moved after a "--" with the others, keeping their order.
 */
export function protectDashPositionals(args: readonly string[], options: NonNullable<ParseArgsConfig['options']>): string[] {
  if (args.includes('--')) return [...args];
  const opts: string[] = [];
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!/^--?[A-Za-z]/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    opts.push(arg);
    const name = arg.replace(/^--?/, '').split('=')[0] as string;
    const def = options[name] ?? Object.values(options).find((o) => o.short === name);
    if (def?.type === 'string' && !arg.includes('=') && i + 1 < args.length) opts.push(args[++i] as string);
  }
  return positionals.some((p) => p.startsWith('-')) ? [...opts, '--', ...positionals] : [...args];
}
