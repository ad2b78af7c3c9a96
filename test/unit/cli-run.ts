// Runs the CLI in-process, as the `partner-worksheets` binary would, and
// collects what it prints.
import { main } from '../../src/cli/main';

export async function runCli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (t) => { out += t; }, err: (t) => { err += t; }, cwd });
  return { code, out, err };
}
