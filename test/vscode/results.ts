// The line the runner script reads from the extension host's console, shared
// by the Node and the web worker entry points.
export interface RunnerStats {
  passes?: number;
  failures?: number;
  pending?: number;
}

export function reportResults(stats: RunnerStats | undefined, failures: number, resolve: () => void, reject: (e: Error) => void): void {
  const { passes = 0, failures: failed = 0, pending = 0 } = stats ?? {};
  console.log(`PW_RESULTS ${JSON.stringify({ passed: passes, failed, pending })}`);
  if (failures > 0) reject(new Error(`${failures} test(s) failed in the VS Code extension host`));
  else resolve();
}
