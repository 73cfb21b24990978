// `iam-sts` — the linter and the simulator from a terminal, over the same core as the
// language server. Exit codes: 0 clean, 1 a finding or failure that matters, 2 bad usage.
import { checkCommand, type CheckCommand } from './cli/checks';
import { lintCommand } from './cli/lint';
import { simulateCommand } from './cli/simulate';
import { USAGE, UsageError } from './cli/usage';

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'lint':
        return await lintCommand(rest);
      case 'simulate':
        return await simulateCommand(rest);
      case 'check-no-new-access':
      case 'check-no-public-access':
      case 'check-access-not-granted':
        return await checkCommand(command as CheckCommand, rest);
      case undefined:
        // No command is bad usage: the usage text goes where errors go, not into a pipe.
        process.stderr.write(`${USAGE}\n`);
        return 2;
      case '-h':
      case '--help':
      case 'help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`iam-sts: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw e;
  }
}

if (require.main === module) {
  // `iam-sts lint … | head` closes the pipe early: stop quietly, as other CLIs do.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      process.stderr.write(`iam-sts: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
