// Writes snippets/partner-worksheets.code-snippets from the core's question
// bank and templates. Run by `npm run build`; a unit test fails if the committed
// file differs from what this would write.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSnippets } from '../src/core/snippets';

export function snippetsFileText(): string {
  return `${JSON.stringify(buildSnippets(), null, 2)}\n`;
}

if (process.argv[1] && /generate-snippets/.test(process.argv[1])) {
  writeFileSync(resolve(process.cwd(), 'snippets/partner-worksheets.code-snippets'), snippetsFileText());
}
