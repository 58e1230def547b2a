import { runCli } from './main';

/** Entry of `clinic-desk` under Node (scripts/clinic-desk.cjs loads the built out/main/cli.js). */
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
