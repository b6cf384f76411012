/**
 * The `metacollect` command tree and its runner (the bin entry, `metacollect.ts`, only calls {@link main}).
 * metacollect — the command-line tool over the SDK's clients: a subcommand per resource and verb of Huawei DSC,
 * DataArts Catalog and Alibaba DataWorks, with validation before sending, waiting with progress, and exit codes a
 * script can test. Command-line parsing, help and "did you mean" suggestions are commander's.
 */
import { Command, CommanderError } from 'commander';
import { VERSION } from '../index.js';
import { registerDataArts } from './commands/dataarts.js';
import { registerDataWorks } from './commands/dataworks.js';
import { registerDsc } from './commands/dsc.js';
import { EXIT, report } from './exit.js';

const EXIT_HELP = `
Exit codes:
  0    success
  1    the run failed (its error message is printed)
  2    usage or validation error (nothing was sent)
  3    the service answered with an error (status, code and request id are printed)
  4    timed out
  5    connection error
  130  interrupted (Ctrl-C); a run being waited for is left alone

Configuration: flags, then environment variables (HUAWEICLOUD_SDK_AK/SK/SECURITY_TOKEN/PROJECT_ID,
ALIBABA_CLOUD_ACCESS_KEY_ID/SECRET/SECURITY_TOKEN, METACOLLECT_ENDPOINT/REGION/WORKSPACE), then profiles
(KooCLI's ~/.hcloud/config.json for DSC and DataArts, when stored unencrypted; the Alibaba CLI's
~/.aliyun/config.json for DataWorks). Against a metacollect mock without credentials, the
mock's default account is used.

Example:
  $ metacollect --endpoint http://127.0.0.1:4010 dsc tasks list
`;

/** The whole command tree. */
export function buildProgram(): Command {
  const program = new Command('metacollect')
    .description('Metadata collection tasks of Huawei DSC, DataArts Catalog and Alibaba DataWorks, from the shell.')
    .version(VERSION)
    .option('--endpoint <url>', 'service endpoint (a private endpoint or the mock), instead of the region host')
    .option('--region <id>', 'region id, e.g. cn-north-4 (Huawei) or cn-shanghai (DataWorks)')
    .option('--project-id <id>', 'Huawei project id')
    .option('--workspace <id>', 'DataArts workspace id, or the DataWorks workspace (ProjectId)')
    .option('--profile <name>', 'KooCLI profile (DSC, DataArts) or Alibaba CLI profile (DataWorks)')
    .option('-o, --output <format>', 'table (default on a terminal), json (default otherwise) or ndjson')
    .option('-q, --quiet', 'print only ids')
    .option('--debug', 'show each request and response (method, path, status, request id) on stderr')
    .option('--request-timeout <ms>', 'deadline of each API call, retries included')
    .addHelpText('after', EXIT_HELP)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  // Made with .command() (inside each register*), so that they inherit exitOverride, output and suggestions.
  registerDsc(program);
  registerDataArts(program);
  registerDataWorks(program);
  return program;
}

/** Runs the CLI on `argv` (process.argv form) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version "fail" with exit code 0; every other parse error is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    return report(error, (line) => process.stderr.write(`${line}\n`));
  }
}
