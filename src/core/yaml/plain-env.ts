// The Node build of the `yaml` package asks `process.env.LOG_TOKENS` for every
// token its parser reads (a switch that prints them, for its own debugging).
// Node answers each ask from the process's environment, through its C++ side:
// about 140 ns an ask, a quarter of the parse of a 1.6 KB worksheet (340 µs,
// and 258 µs with a plain object there). So for the length of one parse,
// `process.env` is a plain object holding that package's two switches as the
// environment had them at the first parse (set before the process starts, as
// the package means them to be). A parse is synchronous: no other code runs while the
// object is in place, and the real one is put back however the parse ends.
// In a browser (vscode.dev) there is no `process`, and the package's browser
// build asks nothing.
//
// This module is the core's one door into that parser: parseDocument,
// parseAllDocuments, composeAllDocuments and withParser below. ESLint forbids importing the
// package's own from anywhere else in src, so a new call cannot miss the swap.
import { Composer, Parser, parseAllDocuments as parseAll, parseDocument as parseOne } from 'yaml';
import type { CST, Document, DocumentOptions, EmptyStream, ParseOptions, SchemaOptions } from 'yaml';

type Env = Record<string, string | undefined>;

/** The process, where there is one: looked up on the global object, as the core is typed and built for browsers too. */
const host = (globalThis as { process?: { env: Env } }).process;

/** The switches the `yaml` package reads (LOG_TOKENS per token, LOG_STREAM per document), as the environment had them at the first parse. */
let switches: Env | undefined;

/** `parse()`, a call into the `yaml` package, with `process.env` a plain object while it runs. */
export function withPlainEnv<T>(parse: () => T): T {
  if (!host) return parse();
  const env = host.env;
  switches ??= { LOG_TOKENS: env.LOG_TOKENS, LOG_STREAM: env.LOG_STREAM };
  let swapped = false;
  try {
    host.env = switches;
    swapped = true;
  } catch {
    // Not writable in this host: the parse reads the environment as it is.
  }
  try {
    return parse();
  } finally {
    if (swapped) host.env = env;
  }
}

type Options = ParseOptions & DocumentOptions & SchemaOptions;

/** The `yaml` package's parseDocument, with a plain process.env. */
export function parseDocument(text: string, options: Options): Document.Parsed {
  return withPlainEnv(() => parseOne(text, options));
}

/** The `yaml` package's parseAllDocuments, with a plain process.env. */
export function parseAllDocuments(text: string, options: Options): Document.Parsed[] | EmptyStream {
  return withPlainEnv(() => parseAll(text, options));
}

/**
 * parseAllDocuments of tokens the CST parser gave already (withParser), with
 * a plain process.env (the composer asks it per document): what
 * parseAllDocuments does after its parser, with `prettyErrors: false`.
 */
export function composeAllDocuments(tokens: readonly CST.Token[], options: Options): Document.Parsed[] | EmptyStream {
  return withPlainEnv(() => {
    const composer = new Composer(options);
    const docs = Array.from(composer.compose(tokens)) as Document.Parsed[];
    return docs.length > 0 ? docs : Object.assign([], { empty: true } as const, composer.streamInfo());
  });
}

/**
 * `use` given a new CST Parser of the `yaml` package, with a plain process.env
 * until it returns: the parser asks at each token, so the whole loop over its
 * tokens goes inside. `onNewLine` is told where each line starts (a LineCounter's addNewLine).
 */
export function withParser<T>(use: (parser: Parser) => T, onNewLine?: (offset: number) => void): T {
  return withPlainEnv(() => use(new Parser(onNewLine)));
}
