// Text we write into VS Code snippet syntax (the generated snippets, quick
// fixes that leave placeholders, completion items) comes from worksheets and
// the question bank, so it may hold `$`, `}` or `\`. Escaped in one place, so
// a question that mentions "$5" never turns into a tabstop anywhere.

/** Literal text for a snippet body or a `${1:placeholder}`: `$`, `}` and `\` escaped. */
export function snippetText(s: string): string {
  return s.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** One option of a `${1|a,b|}` choice: also `,` and `|`, which would split or end the list. */
export function snippetChoice(s: string): string {
  return s.replace(/[\\$}|,]/g, (c) => `\\${c}`);
}
