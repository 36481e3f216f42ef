#!/usr/bin/env node
import { runCommand } from './command/run-command';

runCommand(process.argv.slice(2), { out: (text) => console.log(text), err: (text) => console.error(text) }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
