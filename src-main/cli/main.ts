import { parseArgs } from 'node:util';
import { protectDashPositionals } from './dashPositionals';
import { DeskError } from '../domain/shared/errors';
import type { CliIo, Command } from './command';
import { commands } from './commands';

const io: CliIo = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') };

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Clinic Desk — the reception desk of a clinic, from the command line.',
    '',
    'Usage: clinic-desk <command> [options]',
    '',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Every command accepts --data DIR (or CLINIC_DESK_DATA) to choose the data folder.',
    'clinic-desk <command> --help shows its options.',
  ].join('\n');
}

export async function runCli(argv: string[]): Promise<number> {
  const [first, ...tail] = argv;
  if (!first || first === '--help' || first === '-h' || first === 'help') {
    io.out(help());
    return 0;
  }
  // Two-word commands ("import appointments", "import calls") share their first word.
  const twoWords = commands.find((c) => c.name === `${first} ${tail[0]}`);
  const name = twoWords ? twoWords.name : first;
  const rest = twoWords ? tail.slice(1) : tail;
  const command: Command | undefined = twoWords ?? commands.find((c) => c.name === name);
  if (!command) {
    io.err(`clinic-desk: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`Usage: clinic-desk ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  let args;
  try {
    const argv = command.allowPositionals ? protectDashPositionals(rest, command.options) : rest;
    args = parseArgs({ args: argv, options: command.options, allowPositionals: command.allowPositionals ?? false, strict: true });
  } catch (err) {
    io.err(`clinic-desk ${name}: ${(err as Error).message}\nUsage: clinic-desk ${command.usage}`);
    return 2;
  }
  try {
    return await command.run(args, io);
  } catch (err) {
    if (err instanceof DeskError) {
      io.err(`clinic-desk ${name}: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
