// The nesting guard: a file nested hundreds of levels deep gets one finding on
// the line where it goes too deep, the same in Node and in a web worker (whose
// smaller stack the parser would otherwise exhaust); real worksheets pass.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { checkText } from '../../src/core/check';
import fc from 'fast-check';
import { Lexer, Parser } from 'yaml';
import { MAX_NESTING, excessiveNesting, nestingBound, openLevels } from '../../src/core/yaml/nesting';
import { quickRead } from '../../src/core/yaml/quick-read';
import { readData, readLight } from '../../src/core/yaml/light-tree';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : e.name.endsWith('.yaml') ? [join(dir, e.name)] : []));
}

describe('nesting guard', () => {
  it('passes every example and fixture worksheet', () => {
    const files = ['examples/community-team', 'test/fixtures/workspace', 'test/fixtures/review-round'].flatMap(yamlFiles);
    assert.ok(files.length > 20);
    for (const f of files) assert.equal(excessiveNesting(readFileSync(f, 'utf8'), 8), undefined, f);
  });

  it('finds block nesting by indentation, on the line that goes too deep', () => {
    const text = Array.from({ length: MAX_NESTING + 20 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n');
    const at = excessiveNesting(text);
    assert.ok(at !== undefined);
    assert.equal(text.slice(0, at).split('\n').length, MAX_NESTING + 1);
    assert.equal(excessiveNesting(text.split('\n').slice(0, MAX_NESTING).join('\n')), undefined);
  });

  it('counts compact sequences (- - - x) and flow brackets', () => {
    assert.ok(excessiveNesting(`notes:\n  values:\n    ${'- '.repeat(MAX_NESTING)}x\n`) !== undefined);
    assert.ok(excessiveNesting(`values: ${'['.repeat(MAX_NESTING)}${']'.repeat(MAX_NESTING)}\n`) !== undefined);
    assert.equal(excessiveNesting(`values: ${'[a, '.repeat(40)}${']'.repeat(40)}\n`), undefined);
  });

  it('ignores brackets in quoted strings and comments', () => {
    const many = '['.repeat(MAX_NESTING * 2);
    assert.equal(excessiveNesting(`a: "${many}"\nb: 'It''s ${many}'\n# ${many}\nc: d # ${many}\n`), undefined);
  });

  it('reads brackets as YAML does: text in a `|` note or on a plain value\'s next line, structure after `rock \'n roll`', () => {
    const many = '['.repeat(MAX_NESTING + 1);
    assert.equal(excessiveNesting(`kind: worksheet\nnotes:\n  values: |\n    ${many}\n  goals: [a]\n`), undefined);
    // A line indented under a plain value continues it: the brackets are part of `worksheet ...`.
    assert.equal(excessiveNesting(`kind: worksheet\n    ${many}\nversion: 1\n`), undefined);
    const evasion = `values: [rock 'n roll]\ngoals: ${'['.repeat(800)}${']'.repeat(800)}\n`;
    // The map is one level, so the hundredth bracket is the one too deep.
    assert.equal(excessiveNesting(evasion), evasion.indexOf('[', 30) + MAX_NESTING - 1);
  });

  it('skips the token read only where the quick count proves the text shallow', () => {
    // The count may overestimate, never underestimate: compare it with the parser's own depth.
    const depth = (text: string): number => {
      const parser = new Parser();
      let deepest = 0;
      for (const lexeme of new Lexer().lex(text)) {
        for (const _ of parser.next(lexeme)) void _;
        deepest = Math.max(deepest, openLevels(parser.stack));
      }
      return deepest;
    };
    const pieces = ['a', ': ', ':', ' ', '  ', '- ', '-', '? ', '[', '{', ']', '}', ', ', '\n', '\n  ', '\n- ', '"', "'", '|\n', '# ', '&x ', '*x', '\t', '\r\n', '---\n', 'b:\n'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 300 }), (parts) => {
      const text = parts.join('');
      assert.ok(depth(text) <= nestingBound(text), JSON.stringify(text));
    }), { numRuns: 3000 });
  });

  it('gives the checker one clear finding on that line instead of a stack overflow', () => {
    const text = `kind: worksheet\nnotes:\n  values: ${'['.repeat(500)}x${']'.repeat(500)}\n`;
    const findings = checkText('/ws/deep.worksheet.yaml', text, { today: '2026-11-24' }).findings;
    assert.deepEqual(findings.map((f) => [f.code, f.range.start.line]), [['yaml-syntax', 2]]);
    assert.match(findings[0].message, /more than 100 levels deep/);
  });

  // Found by locate's random edits. The quick readers left only an over-long line alone, which a list 500 deep on one line is.
  it('leaves a list too deep for the full parse to it, on one short line or broken over several', () => {
    const oneLine = `kind: worksheet\nnotes:\n  values: ${'['.repeat(150)}x${']'.repeat(150)}\n`;
    const text = `kind: worksheet\nnotes:\n  values: [[\n    ${'['.repeat(200)}\n    ${'['.repeat(200)}\n    ${'['.repeat(98)}x${']'.repeat(500)}\n`;
    for (const t of [oneLine, text]) {
      assert.equal(readLight(t), undefined);
      assert.equal(quickRead(t), undefined);
      assert.equal(readData(t), undefined, 'the index reads it with the full parse, as the check does');
    }
    assert.deepEqual(checkText('/ws/deep.worksheet.yaml', oneLine, { today: '2026-11-24' }).findings.map((f) => [f.code, f.range.start.line]), [['yaml-syntax', 2]]);
    assert.deepEqual(checkText('/ws/deep.worksheet.yaml', text, { today: '2026-11-24' }).findings.map((f) => [f.code, f.range.start.line]), [['yaml-syntax', 3]]);
  });
});
