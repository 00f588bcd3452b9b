/** The shape of a CLI command, and the error for bad arguments. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { AppError } from '../errors';

export interface Command {
  summary: string;
  usage: string;
  run(args: string[]): Promise<number>;
}

/** Thrown by commands for bad arguments; the CLI prints it with the command's usage and exits 2. */
export function usageError(message: string, usage: string): AppError {
  return new AppError('usage', `${message}\n\n${usage}`, { status: 400 });
}

/** node:util parseArgs, with its errors turned into usage errors. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  usage: string,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (e) {
    throw usageError((e as Error).message, usage);
  }
}
