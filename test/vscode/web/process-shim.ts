// The little of Node's `process` that the assert port touches (when it words a
// failure, when it warns), for the web worker, which has none.
export const process = {
  env: {},
  stderr: undefined,
  nextTick: (fn: (...a: unknown[]) => void, ...args: unknown[]) => queueMicrotask(() => fn(...args)),
  emitWarning: (warning: unknown) => console.warn(warning),
};
