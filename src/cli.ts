/**
 * `ctmatch` command line: a table of commands, each in its own file under src/commands/.
 * Exit codes: 0 success, 1 failure, 2 usage error.
 */
import { fhirCommand } from './commands/fhir';
import { importCommand } from './commands/import';
import { keysCommand } from './commands/keys';
import { matchCommand } from './commands/match';
import { parseCommand } from './commands/parse';
import { reportCommand } from './commands/report';
import { serveCommand } from './commands/serve';
import { statsCommand } from './commands/stats';
import { syncCommand } from './commands/sync';
import type { Command } from './commands/command';
import { isAppError } from './errors';
import { logger } from './logger';

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  sync: syncCommand,
  import: importCommand,
  stats: statsCommand,
  parse: parseCommand,
  report: reportCommand,
  match: matchCommand,
  fhir: fhirCommand,
  keys: keysCommand,
};

function help(): string {
  const lines = ['Usage: ctmatch <command> [options]', '', 'Commands:'];
  for (const [name, cmd] of Object.entries(COMMANDS)) {
    lines.push(`  ${name.padEnd(10)} ${cmd.summary}`);
  }
  lines.push('', 'Run `ctmatch <command> --help` for its options.');
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`Unknown command "${name}".\n\n${help()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (e) {
    if (isAppError(e)) {
      process.stderr.write(`error [${e.code}]: ${e.message}${e.path ? ` (at ${e.path})` : ''}\n`);
      for (const d of e.details.slice(0, 10)) process.stderr.write(`  ${d.path}: ${d.message}\n`);
      return e.code === 'usage' ? 2 : 1;
    }
    logger().error({ err: e }, 'command failed');
    process.stderr.write(`error [internal_error]: ${(e as Error).message}\n`);
    return 1;
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`${String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
