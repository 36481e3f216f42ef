#!/usr/bin/env node
import { runCli } from './cli/run-cli';

runCli(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bedrock-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
