import { main } from './main';

// Entry of the `dossier` binary: a thin shell that hands the process streams to main().
main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin }).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => { process.stderr.write(`dossier: ${String(err)}\n`); process.exitCode = 1; },
);
