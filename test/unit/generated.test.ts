import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { snippetsFileText } from '../../scripts/generate-snippets';
import { ruleDocsText } from '../../scripts/generate-rule-docs';
import { validatorsFileText } from '../../scripts/generate-validators';
import { ALL_CODES } from '../../src/core/rules';
import { RULE_DOCS } from '../../src/core/rules/rule-docs';
import { QUESTIONS } from '../../src/core/questions';
import { checkText } from '../../src/core/check';
import { worksheetText } from '../../src/core/templates';

describe('generated files', () => {
  it('the committed snippets match the question bank (run `npm run build` after editing questions)', () => {
    assert.equal(readFileSync(resolve('snippets/partner-worksheets.code-snippets'), 'utf8'), snippetsFileText());
  });

  it('the committed schema validators match the schemas (run `npm run build` after editing a schema)', () => {
    assert.equal(readFileSync(resolve('src/core/generated/validators.js'), 'utf8'), validatorsFileText());
  });

  it('every question of the bank is in a snippet', () => {
    const text = snippetsFileText();
    for (const q of QUESTIONS) assert.ok(text.includes(`- ${q.id}  #`), q.id);
  });

  it('the committed rule docs match the rules (run `npm run build` after editing rules)', () => {
    assert.equal(readFileSync(resolve('docs/rules.md'), 'utf8'), ruleDocsText());
  });
  it('every code in the docs has its reason, an example that fires, and the fix', () => {
    for (const code of ALL_CODES) {
      const d = RULE_DOCS[code];
      assert.ok(d, `no reason, example and fix for ${code} in src/core/rules/rule-docs.ts`);
      assert.ok(d.reason.length > 40 && d.example.trim() && d.fix.trim(), code);
    }
    // The rules that encode the method quote it.
    for (const code of ['missing-confirmation', 'vision-not-shared', 'coordination-lapsed', 'coordinator-role-unannounced', 'coordination-conflated-with-leadership']) {
      assert.match(RULE_DOCS[code].reason, /"[^"]{20,}"/, `${code} quotes the seed`);
    }
  });

  it('a new worksheet from the template is valid and has no gaps yet', () => {
    const text = worksheetText({ partnerId: 'riverside-youth', organization: 'Riverside: Youth', date: '2026-11-24', round: 'autumn-2026', owner: 'sam', questions: ['goals-year-from-now'] });
    const findings = checkText('/t/riverside-youth/2026-11-24.worksheet.yaml', text, { today: '2026-11-24' }).findings;
    assert.deepEqual(findings, []);
  });
});
