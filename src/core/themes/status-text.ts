// What the review says about its themes when some are only suggested: that
// the team has not agreed them, what was left out, and how to agree them.
// Plain text (Markdown code spans and bold at most), shared by the Markdown
// and HTML renderers, so the panel, the exports and the CLI say the same.
import type { ThemeStatus } from '../summary/model';

export interface ThemeStatusText {
  /** Suggested rather than agreed, and what the review leaves out. */
  status: string;
  /** How to agree them. */
  howTo: string;
}

export function themeStatusText(t: ThemeStatus | undefined): ThemeStatusText | undefined {
  if (!t || (t.suggested === 0 && t.suggestedOnce === 0)) return undefined;
  const once = t.suggestedOnce === 1 ? '1 more suggested theme was raised by one partner only, and is not listed.'
    : t.suggestedOnce > 1 ? `${t.suggestedOnce} more suggested themes were raised by one partner only, and are not listed.` : '';
  const lead = t.agreedFrom === 'none'
    ? 'Your team has no theme vocabulary yet: every theme here marked suggested is grouped from untagged notes (with the starter vocabulary), not agreed by the team, so trends and opportunities leave it out.'
    : 'Themes marked suggested are grouped from notes your vocabulary does not cover: suggested, not agreed by the team, so trends and opportunities leave them out.';
  return {
    status: once ? `${lead} ${once}` : lead,
    howTo: 'To agree them, run `partner-worksheets themes --suggest` (or the command **Partner Worksheets: Draft Theme Vocabulary**), edit the draft it writes into `partner-worksheets.yaml` as a team, and tag notes with its ids.',
  };
}
