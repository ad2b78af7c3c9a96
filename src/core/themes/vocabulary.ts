// Which themes a team has agreed, and which only group suggestions. A team
// that writes no vocabulary still gets themes that mean something: the
// starter vocabulary shipped with the extension (./starter-themes.json) folds
// "bus", "van", "transportation" and "getting here" into one theme, and
// "teen", "teens" and "teenager" into another. Until the team agrees them in
// `partner-worksheets.yaml`, they are suggestions: the review marks them so,
// and trends and opportunities leave them out.
import type { TeamConfig, Theme } from '../facts';
import starter from './starter-themes.json';

/** The starter vocabulary, as the settings file would write it. */
export const STARTER_THEMES: readonly Theme[] = Object.freeze(
  (starter as { themes: Theme[] }).themes.map((t) => Object.freeze({ id: t.id, label: t.label, synonyms: Object.freeze([...t.synonyms]) as string[] })),
);

/** Where the agreed themes come from. */
export type AgreedFrom = 'team' | 'team-and-starter' | 'none';

export interface Vocabularies {
  /** Themes the team agreed: notes that mention them are "matched". */
  agreed: Theme[];
  /** Themes that only group suggestions for untagged notes nothing agreed matched. */
  suggest: Theme[];
  agreedFrom: AgreedFrom;
}

/**
 * The team's themes, extended by the starter's when `starter_themes: extend`;
 * the starter's others group suggestions. A team theme with a starter id
 * takes its place (the team's words win).
 */
export function vocabularies(config: Pick<TeamConfig, 'themes' | 'starterThemes'>): Vocabularies {
  const own = new Set(config.themes.map((t) => t.id));
  const rest = STARTER_THEMES.filter((t) => !own.has(t.id));
  if (config.starterThemes === 'extend') return { agreed: [...config.themes, ...rest], suggest: [], agreedFrom: 'team-and-starter' };
  return { agreed: [...config.themes], suggest: rest, agreedFrom: config.themes.length ? 'team' : 'none' };
}
