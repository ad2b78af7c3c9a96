// "Tag as <theme>": on an untagged note of a worksheet, the themes the review
// would give it (agreed matches first, then suggestions), each as an edit
// that writes the tag. A tag is the team's word: the review then counts the
// note as tagged, in trends and opportunities too.
import { isMap, isScalar, isSeq } from 'yaml';
import type { Node, YAMLMap, YAMLSeq } from 'yaml';
import { NOTE_CATEGORIES } from '../facts';
import { YamlTextEditor, parseForEdit } from '../form/yaml-edit';
import type { OffsetEdit } from '../form/yaml-edit';
import { keyOrder } from '../form/layout';
import type { ThemeMatcher } from '../summary/themes';

export interface TagAction {
  title: string;
  themeId: string;
  /** Whether the theme is agreed (in the vocabulary) or only suggested. */
  agreed: boolean;
  edits: OffsetEdit[];
}

/** At most this many: a note that seems to be about more is better tagged by hand. */
const MAX_ACTIONS = 3;

/** The untagged note at `offset` of a worksheet's text, with its path. */
export function noteAt(text: string, offset: number): { path: (string | number)[]; text: string; plain: boolean } | undefined {
  const doc = parseForEdit(text);
  if (doc.errors.length || !isMap(doc.contents)) return undefined;
  const notes = doc.contents.get('notes', true) as Node | undefined;
  if (!isMap(notes)) return undefined;
  // The line the cursor is on: a note is found from anywhere on its line.
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const nl = text.indexOf('\n', offset);
  const lineEnd = nl < 0 ? text.length : nl;
  for (const category of NOTE_CATEGORIES) {
    const seq = (notes as YAMLMap).get(category, true) as Node | undefined;
    if (!isSeq(seq)) continue;
    const items = (seq as YAMLSeq<Node>).items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      const r = item?.range;
      if (!r || r[1] < lineStart || r[0] > lineEnd) continue;
      if (isScalar(item) && typeof item.value === 'string' && item.value.trim()) return { path: ['notes', category, i], text: item.value, plain: true };
      if (isMap(item)) {
        const t = item.get('text');
        const themes = item.get('themes', true) as Node | undefined;
        const tagged = isSeq(themes) && themes.items.length > 0;
        if (typeof t === 'string' && t.trim() && !tagged) return { path: ['notes', category, i], text: t, plain: false };
      }
      return undefined;
    }
  }
  return undefined;
}

/** "Tag as <theme>" edits for the untagged note at `offset`, agreed themes first. */
export function tagNoteActions(text: string, offset: number, matcher: ThemeMatcher): TagAction[] {
  let note;
  try {
    note = noteAt(text, offset);
  } catch {
    return [];
  }
  if (!note) return [];
  const agreed = matcher.match(note.text);
  const ids = [...new Set([...agreed, ...matcher.suggest(note.text)])].slice(0, MAX_ACTIONS);
  const out: TagAction[] = [];
  for (const id of ids) {
    try {
      const editor = new YamlTextEditor(text, keyOrder);
      const edits = note.plain ? editor.set(note.path, { text: note.text, themes: [id] }) : editor.set([...note.path, 'themes'], [id]);
      out.push({ title: `Tag as ${matcher.label(id)}`, themeId: id, agreed: agreed.includes(id), edits });
    } catch {
      // A note the editor will not touch (an odd layout) gets no action, never a broken edit.
    }
  }
  return out;
}
