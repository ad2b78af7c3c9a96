// Builders for the fixes rules offer: a plain edit every client can apply, and
// the same edit with snippet tab stops for editors that take them.
import type { Fix } from '../types';
import type { YamlPath, YamlView } from '../yaml';
import { snippetText } from '../snippet-text';

export interface InsertSpec {
  title: string;
  /** The map to add to (`[]` for the document root). */
  mapPath: YamlPath;
  key: string;
  /** Value lines: the first follows `key:`, the rest are its children (nested by two spaces). */
  plain: string[];
  snippet?: string[];
  /** Sibling keys the new key should follow when present. */
  after?: string[];
  preferred?: boolean;
}

export function insertFix(view: YamlView, spec: InsertSpec): Fix | undefined {
  if (!view.fixes) return undefined;
  const edit = view.insertKey(spec.mapPath, spec.key, spec.plain, spec.after);
  if (!edit) return undefined;
  const fix: Fix = { title: spec.title, edits: [edit] };
  if (spec.snippet) {
    const snip = view.insertKey(spec.mapPath, spec.key, spec.snippet, spec.after);
    if (snip) fix.snippetEdits = [snip];
  }
  if (spec.preferred) fix.preferred = true;
  return fix;
}

export function setFix(view: YamlView, title: string, path: YamlPath, value: string, preferred = false): Fix | undefined {
  if (!view.fixes) return undefined;
  const edit = view.setValue(path, value);
  if (!edit) return undefined;
  return preferred ? { title, edits: [edit], preferred } : { title, edits: [edit] };
}

export { snippetText } from '../snippet-text';

/**
 * A snippet tab stop whose default is `yaml`, a value already written as YAML
 * (yamlString, flowScalar), escaped for the snippet syntax: the editor then
 * inserts what the plain edit writes. A partner's words put in raw made
 * lines YAML cannot read ("Success: every teen is paid").
 */
export function yamlPlaceholder(stop: number, yaml: string): string {
  return `\${${stop}:${snippetText(yaml)}}`;
}

export function compact<T>(items: (T | undefined)[]): T[] {
  return items.filter((x): x is T => x !== undefined);
}
