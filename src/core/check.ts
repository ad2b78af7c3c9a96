// Checking one document: read, validate against its schema, run the rules of
// its kind, then apply the team's severities and the file's own
// `# worksheets-disable` comments.
import type { FileKind, Finding, Range, Severity, SeveritySetting } from './types';
import { Lexer } from 'yaml';
import type { ParsedFile, PosNode, YamlPath } from './yaml';
import { YamlView, parseFile } from './yaml';
import { mistypedSections, validateSchema } from './schema';
import type { FileFacts, TeamConfig } from './facts';
import { DEFAULT_CONFIG, isBlock, readFacts } from './facts';
import type { Rule, WorkspaceFacts } from './rules/rule';
import { FILE_CODES, WORKSPACE_CODES, readsWorkspace, rulesFor } from './rules';
import { withoutFindingsInMistyped } from './mistyped';
import { DIRECTIVE_NAME, mayHoldDirective } from './yaml/bounds';

export interface CheckOptions {
  /** ISO date the rules treat as today. */
  today: string;
  config?: TeamConfig;
  /** Needed for cross-file rules; without it they are skipped. */
  workspace?: WorkspaceFacts;
  /** Leave out `schema` findings (another extension reports them). */
  skipSchema?: boolean;
  /** The file's facts, when the caller read them from this very text already (the index). */
  facts?: FileFacts;
  /**
   * false: leave out the rules' quick fixes, for a caller that shows none
   * (the CLI). They are still worked out in a file with a format slip, where
   * they decide which of two findings on one value is reported.
   */
  fixes?: boolean;
  /** false: leave out related locations, for a caller that shows none (the CLI). */
  related?: boolean;
  /**
   * Only the rules whose findings depend on other files (readsWorkspace):
   * no schema, no reading problems, no other rule. A caller that has the
   * findings of a check without the workspace adds these to the rest of those
   * (WORKSPACE_CODES), and has the findings of a full check, once the
   * workspace is known: the command line's check does, for the worksheets
   * whose cross-file findings may be other than none.
   */
  onlyWorkspaceRules?: boolean;
  /**
   * With onlyWorkspaceRules: only these of them, by code. For a worksheet
   * the others cannot flag (Rule.mayFlag), whose findings from them are none.
   */
  onlyCodes?: ReadonlySet<string>;
}

export interface CheckResult {
  file: ParsedFile;
  findings: Finding[];
  /** What the file's `worksheets-disable` comments silence (NO_DIRECTIVES: nothing). */
  disabled: Disabled;
}

export function checkText(uri: string, text: string, options: CheckOptions): CheckResult {
  return checkParsed(parseFile(uri, text), options);
}

export function checkParsed(file: ParsedFile, options: CheckOptions): CheckResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const only = options.onlyWorkspaceRules === true;
  const raw: Finding[] = only ? [] : [...file.findings];
  const kind = file.kind;
  if (kind && file.hasDocument && file.data !== undefined && !hasFatal(file)) {
    const view = new YamlView(file);
    if (!options.skipSchema && !only) raw.push(...validateSchema(kind, file.data, view));
    view.fixes = options.fixes !== false || raw.some((f) => f.code === 'format-slip');
    if (isBlock(file.data)) {
      // A section of the wrong type has a schema error: without one (most files), or with only workspace rules run, none is looked for.
      const schemaChecked = !options.skipSchema && !only;
      const mistyped = !only && (!schemaChecked || raw.some((f) => f.code === 'schema')) ? mistypedSections(kind, file.data) : NO_PATHS;
      const found = runRules(kind, file, view, options.facts ?? readFacts(kind, file.data), config, options, mistyped);
      raw.push(...(mistyped.length ? withoutFindingsInMistyped(found, view, mistyped, isLocalRule) : found));
    }
  } else if (kind && !only && !hasFatal(file) && (file.hasDocument ? file.data === null : file.findings.length === 0)) {
    // No document at all (an empty file, only comments) or an empty one.
    raw.push(emptyFileFinding(kind));
  }
  const disabled = disabledCodes(file.text, file.findings.length === 0 ? file.tree : undefined);
  return { file, findings: applySettings(oneFindingPerValue(raw), config.rules, disabled), disabled };
}

/**
 * What checkParsed finds with onlyWorkspaceRules, for a worksheet the caller
 * knows to have been read without a problem, as a block of fields, whose
 * `worksheets-disable` comments silence `disabled`: given a view and facts
 * made without a parse (the answers of its first check, AnsweredView, and the
 * index's meeting), nothing here asks for the tree or the data, and the file
 * is parsed only if a rule asks beyond them.
 */
export function checkWorkspaceRules(file: ParsedFile, view: YamlView, facts: FileFacts, options: CheckOptions, disabled: Disabled = NO_DIRECTIVES): Finding[] {
  const config = options.config ?? DEFAULT_CONFIG;
  view.fixes = options.fixes !== false;
  return applySettings(runRules('worksheet', file, view, facts, config, { ...options, onlyWorkspaceRules: true }), config.rules, disabled);
}

/**
 * One mistake, one finding: where a rule's fix rewrites the very value a slip
 * is on (`thanked: no`: not thanked, fixed by writing `true`), the rule's
 * finding says it all, and its fix writes the value in the format's form too.
 */
function oneFindingPerValue(findings: Finding[]): Finding[] {
  const slips = findings.filter((f) => f.code === 'format-slip');
  if (slips.length === 0) return findings;
  const at = (r: Range) => `${r.start.line}:${r.start.character}:${r.end.line}:${r.end.character}`;
  const rewritten = new Set(findings.filter((f) => f.code !== 'format-slip' && f.code !== 'schema')
    .flatMap((f) => (f.fixes ?? []).flatMap((x) => x.edits.map((e) => at(e.range)))));
  return findings.filter((f) => f.code !== 'format-slip' || !rewritten.has(at(f.range)));
}

/**
 * Whether the findings of a check without the workspace, with those of the
 * workspace rules added in their place (onlyWorkspaceRules), are the findings
 * of a full check. Not where a format slip is among them: a workspace rule's
 * fix may rewrite the slip's value, and a full check then leaves the slip out
 * (oneFindingPerValue), which needs every rule's fixes to tell.
 */
export function completedByWorkspaceRules(withoutWorkspace: readonly Finding[]): boolean {
  return !withoutWorkspace.some((f) => f.code === 'format-slip');
}

/** A finding of a rule that reads the file alone: one that a mistyped section (mistyped.ts) makes meaningless. */
function isLocalRule(code: string): boolean {
  return !WORKSPACE_CODES.has(code) && !(code in FILE_CODES);
}

/**
 * Syntax errors first: the data behind them is partial, and gaps reported on
 * it would bury the one thing to fix.
 */
function hasFatal(file: ParsedFile): boolean {
  return file.findings.some((f) => f.code === 'file-too-large' || f.code === 'yaml-syntax');
}

function emptyFileFinding(kind: FileKind): Finding {
  return {
    code: 'schema',
    severity: 'error',
    message: `This ${kind} file is empty. Start it with \`kind: ${kind}\` (the "New" commands and snippets write a skeleton).`,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  };
}

const NO_PATHS: readonly YamlPath[] = [];

/** Whether a section the rule reads is one of the mistyped ones, or inside one. */
function readsMistyped(rule: Rule, mistyped: readonly YamlPath[]): boolean {
  return !!rule.reads && rule.reads.some((r) => mistyped.some((m) => m.length <= r.length && m.every((seg, i) => seg === r[i])));
}

function runRules(kind: FileKind, file: ParsedFile, view: YamlView, facts: FileFacts, config: TeamConfig, options: CheckOptions, mistyped: readonly YamlPath[] = NO_PATHS): Finding[] {
  const out: Finding[] = [];
  const ctx = { uri: file.uri, file, view, facts, today: options.today, config, workspace: options.workspace, related: options.related !== false };
  const only = options.onlyWorkspaceRules === true;
  for (const rule of rulesFor(kind)) {
    if (rule.crossFile && !options.workspace) continue;
    if (only && (!readsWorkspace(rule) || (options.onlyCodes && !options.onlyCodes.has(rule.code)))) continue;
    if (config.rules[rule.code] === 'off') continue;
    if (mistyped.length && readsMistyped(rule, mistyped)) continue;
    let issues;
    try {
      issues = rule.check(ctx);
    } catch (e) {
      // A rule must never take the checker down with it; say which one failed.
      issues = [{ message: `Internal error in rule ${rule.code}: ${(e as Error)?.message ?? String(e)}. Please report it.`, range: view.anchor([]) }];
    }
    for (const issue of issues) {
      // Built field by field, in one shape: a spread makes an object of the rule's own shape, and
      // every later step (settings, directives, output) then reads findings of many shapes.
      const f: Finding = { code: rule.code, severity: rule.defaultSeverity, message: issue.message, range: issue.range };
      if (issue.fixes !== undefined) f.fixes = issue.fixes;
      if (issue.related !== undefined) f.related = issue.related;
      out.push(f);
    }
  }
  return out;
}

/** What a file's `worksheets-disable` comments silence. */
export interface Disabled {
  file: ReadonlySet<string>;
  /** 0-based line -> codes disabled on that line ('*' for all). */
  lines: ReadonlyMap<number, ReadonlySet<string>>;
}

/** What most files disable: nothing (one for all, as they only read it). */
export const NO_DIRECTIVES: Disabled = { file: new Set(), lines: new Map() };

const DIRECTIVE = new RegExp(`^#\\s*${DIRECTIVE_NAME}(-next-line)?\\b(.*)$`);

/**
 * A directive on a line of its own: the candidates, before asking whether
 * each is a comment, as the offset of the `#` and the comment up to the line's
 * end. Lines end at `\n` only, as the `yaml` package reads them, and what may
 * come before the `#` is what trim() removes, as the lexer's way asks. Found
 * from each `worksheets-disable` back, not by a pattern tried at every line:
 * the same candidates as
 * /(?<=^|\n)[^\S\n]*(#\s*worksheets-disable(?:-next-line)?\b[^\n]*?)\r?(?=\n|$)/g
 * for a fraction of its cost.
 */
function* directiveLines(text: string): Generator<{ at: number; comment: string }> {
  for (let w = text.indexOf(DIRECTIVE_NAME); w >= 0; w = text.indexOf(DIRECTIVE_NAME, w + DIRECTIVE_NAME.length)) {
    // The `#`: the last character before the name that is not white space (line breaks included).
    let hash = w - 1;
    while (hash >= 0 && /\s/.test(text[hash])) hash--;
    if (hash < 0 || text[hash] !== '#') continue;
    // Nothing but white space other than a line break between the line's start and the `#`.
    let start = hash - 1;
    while (start >= 0 && text[start] !== '\n' && /\s/.test(text[start])) start--;
    if (start >= 0 && text[start] !== '\n') continue;
    // A whole word: `worksheets-disable` or `worksheets-disable-next-line`, then no letter, digit or `_`.
    let after = w + DIRECTIVE_NAME.length;
    if (text.startsWith('-next-line', after) && !/\w/.test(text[after + 10] ?? '')) after += 10;
    else if (/\w/.test(text[after] ?? '')) continue;
    let end = text.indexOf('\n', after);
    if (end < 0) end = text.length;
    if (text[end - 1] === '\r') end--;
    yield { at: hash, comment: text.slice(hash, end) };
  }
}

/**
 * `# worksheets-disable-next-line code...` and `# worksheets-disable code...`
 * comments. Only real YAML comments count, on a line of their own: a note
 * line in a `|` block that reads `# worksheets-disable` is partner text, and
 * must not silence the file. With the position tree of a text that parsed
 * cleanly, a candidate line is a comment exactly when no scalar (key or
 * value) covers it; otherwise the `yaml` package's lexer tells, which costs
 * a pass over the whole text.
 */
export function disabledCodes(text: string, tree?: PosNode): Disabled {
  if (!mayHoldDirective(text)) return NO_DIRECTIVES;
  const result = { file: new Set<string>(), lines: new Map<number, Set<string>>() };
  const add = (line: number, comment: string) => {
    const m = DIRECTIVE.exec(comment);
    if (!m) return;
    const codes = m[2].split(/[\s,]+/).filter((c) => /^[a-z][a-z0-9-]*$/.test(c));
    const set = codes.length ? codes : ['*'];
    if (m[1]) {
      const target = result.lines.get(line + 1) ?? new Set<string>();
      set.forEach((c) => target.add(c));
      result.lines.set(line + 1, target);
    } else {
      set.forEach((c) => result.file.add(c));
    }
  };
  let line = 0;
  let counted = 0;
  const lineOf = (at: number) => {
    for (let nl = text.indexOf('\n', counted); nl >= 0 && nl < at; nl = text.indexOf('\n', nl + 1)) {
      line++;
      counted = nl + 1;
    }
    return line;
  };
  if (tree) {
    for (const { at, comment } of directiveLines(text)) {
      if (!scalarCovers(tree, at)) add(lineOf(at), comment);
    }
    return result;
  }
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    // The lexer's own markers (document, flow end, scalar) are not in the text.
    if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
    const at = offset;
    offset += token.length;
    if (!token.startsWith('#')) continue;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (text.slice(lineStart, at).trim()) continue; // after a value on its line: a remark, not a directive
    add(lineOf(at), token);
  }
  return result;
}

/**
 * Whether a scalar of the tree (a key or a value) covers the offset. A node's
 * children lie inside its range, so only the collections around the offset
 * are looked into.
 */
function scalarCovers(node: PosNode | undefined, at: number): boolean {
  if (!node || at < node.range[0]) return false;
  if (node.kind === 'scalar') return at < node.range[1];
  // A block collection's range ends after its last line break; a scalar can reach no further.
  if (at >= node.range[1]) return false;
  if (node.kind === 'seq') return node.items.some((item) => scalarCovers(item, at));
  return node.pairs.some((p) => scalarCovers(p.key, at) || scalarCovers(p.value, at));
}

/**
 * Findings that say the file was not read: always errors, whatever the
 * settings or a `worksheets-disable` comment say. A file not read has no other
 * findings, so silencing these would pass it unread (in CI, exit 0).
 */
export const UNREAD_CODES: ReadonlySet<string> = new Set(['yaml-syntax', 'file-too-large']);

function applySettings(findings: Finding[], rules: Record<string, SeveritySetting>, disabled: Disabled): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (UNREAD_CODES.has(f.code)) {
      out.push(f.severity === 'error' ? f : { ...f, severity: 'error' });
      continue;
    }
    const setting = rules[f.code];
    if (setting === 'off') continue;
    if (disabled.file.has(f.code) || disabled.file.has('*')) continue;
    const onLine = disabled.lines.get(f.range.start.line);
    if (onLine && (onLine.has(f.code) || onLine.has('*'))) continue;
    out.push(setting ? { ...f, severity: setting as Severity } : f);
  }
  return out;
}
