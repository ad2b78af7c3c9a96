// Shared shapes of the pure core. Nothing here knows about VS Code or Node's
// file system: the extension and the CLI adapt these to their own worlds.

/** Zero-based position, like LSP and VS Code. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info';
/** What a team may set a rule to in `partner-worksheets.yaml`. */
export type SeveritySetting = Severity | 'off';

export type FileKind = 'worksheet' | 'convening' | 'review' | 'config';

/** One text replacement; `newText` may hold snippet syntax when `snippet` is true. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** Short imperative title, shown as the quick fix ("Add a confirmation block"). */
  title: string;
  edits: TextEdit[];
  /** The same edit with `${1:placeholder}` tab stops, for editors that take snippets. */
  snippetEdits?: TextEdit[];
  /** The fix VS Code should offer first among several. */
  preferred?: boolean;
}

export interface RelatedLocation {
  uri: string;
  range: Range;
  message: string;
}

/** A finding of a rule on one document (Foam's LintIssue). */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  fixes?: Fix[];
  related?: RelatedLocation[];
}

/**
 * File access the core needs. The extension implements it over
 * vscode.workspace.fs, the CLI over node:fs, tests in memory.
 * URIs are opaque strings to the core; `joinUri`/`basename` in paths.ts
 * work on their path part.
 */
export interface FileSystem {
  readFile(uri: string): Promise<Uint8Array>;
  /** The file's text, as decodeText gives it from readFile's bytes: for a file system that decodes them itself. */
  readText?(uri: string): Promise<string>;
  /** Told the files a load is about to read, in the order it reads them: a file system may read ahead. */
  willRead?(uris: readonly string[]): void;
  /** Every candidate file below `rootUri` (worksheets, convenings, reviews, settings). */
  findFiles(rootUri: string): Promise<string[]>;
  /** A stamp that changes when the file does (modification time and size), for warm starts. */
  stamp?(uri: string): Promise<string | undefined>;
  /**
   * Every file's stamp, as stamp() gives it (undefined: none): for a file
   * system that takes many at once faster than one at a time. A warm start
   * takes them all before anything else.
   */
  stamps?(uris: readonly string[]): Promise<(string | undefined)[]>;
}
