// A section written as something else than its schema's block or list
// (`next_step: Send them the calendar`, `notes: We talked about transport`,
// `goals: {text: ...}`) gets its schema error, and the rules that read that
// section find nothing in it: "No next step", "No notes on goals". Both at
// once contradict each other and bury the one thing to fix, so the rules'
// findings inside such a section are left out until it is written as a block.
// Which sections those are, the schema's validator says (schema.ts,
// mistypedSections).
import type { Finding, Range } from './types';
import type { YamlPath, YamlView } from './yaml';

const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character < b.character);

/**
 * The findings without those of `local` rules (not schema, slips or syntax)
 * that start inside a mistyped section, from its key to the end of its value.
 */
export function withoutFindingsInMistyped(findings: Finding[], view: YamlView, paths: readonly YamlPath[], isLocalRule: (code: string) => boolean): Finding[] {
  const spans: Range[] = [];
  for (const path of paths) {
    const value = view.rangeOfNode(view.node(path));
    if (!value) continue;
    spans.push({ start: view.keyRange(path)?.start ?? value.start, end: value.end });
  }
  if (spans.length === 0) return findings;
  return findings.filter((f) => !isLocalRule(f.code) || !spans.some((s) => !before(f.range.start, s.start) && before(f.range.start, s.end)));
}
