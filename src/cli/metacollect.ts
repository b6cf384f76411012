#!/usr/bin/env node
/** The `metacollect` bin: runs the command tree of `program.ts` on the process's arguments. */
import { EXIT } from './exit.js';
import { main } from './program.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`error: ${(error as Error)?.message ?? String(error)}\n`);
    process.exitCode = EXIT.runFailed;
  },
);
