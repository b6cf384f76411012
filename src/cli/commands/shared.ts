/** What every command module uses: a group or a leaf with its example, and an action that gets a Context. */
import type { Command } from 'commander';
import { Context, type GlobalOptions } from '../context.js';

/** A command group (`dsc`, `dsc tasks`, …) with an example in its help. */
export function group(parent: Command, name: string, description: string, example: string): Command {
  return parent.command(name).description(description).addHelpText('after', `\nExample:\n  $ ${example}\n`);
}

/** A leaf command with an example in its help. */
export function leaf(parent: Command, usage: string, description: string, example: string): Command {
  return parent.command(usage).description(description).addHelpText('after', `\nExample:\n  $ ${example}\n`);
}

/** The flags of a leaf command (its own options merged with the global ones). */
export type Flags = GlobalOptions & Record<string, unknown>;

/** Wraps an action: `fn(ctx, flags, ...positionals)`. */
export function act(
  fn: (ctx: Context, flags: Flags, ...args: string[]) => Promise<void>,
): (...args: unknown[]) => Promise<void> {
  return async (...args: unknown[]) => {
    const command = args[args.length - 1] as Command;
    const flags = command.optsWithGlobals() as Flags;
    const positionals = args.slice(0, -2) as string[];
    await fn(new Context(flags), flags, ...positionals);
  };
}

/** Options of the commands that wait for a run. */
export function waitOptions(
  command: Command,
  withWaitFlag: boolean,
  waitHelp = 'follow the run until it ends (exit 1 if it fails)',
): Command {
  if (withWaitFlag) command.option('--wait', waitHelp);
  return command
    .option('--timeout <seconds>', 'give up waiting after this long (exit 4); default 900')
    .option('--poll-interval <ms>', 'first wait between polls (grows ×1.5 up to 30 s); default 2000');
}
