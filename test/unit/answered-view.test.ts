// A view that answers a few paths from an earlier parse (answered-view.ts)
// must answer every question as a view of the parse does: the answered paths
// from what was recorded, every other one (and what lies inside an answered
// map or list) from the parse, made when first needed.
import assert from 'node:assert/strict';
import { LineCounter } from 'yaml';
import { ANSWERED_PATHS } from '../../src/core/yaml/answered-view';
import { AnswerPool, AnsweredView, ParsedOnDemand, YamlView, parseFile, recordAnswers } from '../../src/core/yaml';
import type { YamlPath } from '../../src/core/yaml';
import { WORKSHEET, variant } from './helpers';

const TEXTS: Record<string, string> = {
  usual: WORKSHEET,
  'flow partner': WORKSHEET.replace(/^partner:\n(?: {2}.*\n)+/m, 'partner: {id: lakeside, organization: Lakeside Arts, community: Lakeside}\n'),
  'partner as a list': WORKSHEET.replace(/^partner:\n(?: {2}.*\n)+/m, 'partner:\n  - id: maple\n  - organization: Maple\n'),
  'no round, empty status': variant(WORKSHEET, [['round']]).replace(/^status: .*$/m, 'status:'),
  'loose keys': WORKSHEET.replace(/^round:/m, 'Round:').replace(/^ {2}organization:/m, '  Organization:'),
  'CR LF': WORKSHEET.replace(/\n/g, '\r\n'),
};

const PATHS: YamlPath[] = [...ANSWERED_PATHS, [], ['partner', 'community'], ['partner', 'people', 0, 'name'], ['partner', 0, 'id'], ['meeting', 'date'], ['notes', 'goals', 0]];

/** What a rule can learn of a path from a view, as plain data. */
function answers(view: YamlView, path: YamlPath) {
  const node = view.node(path);
  const pair = view.pair(path);
  return {
    node: node && { kind: node.kind, range: view.rangeOfNode(node), inside: node.kind === 'map' ? node.pairs.map((p) => p.keyValue) : node.kind === 'seq' ? node.items.length : undefined },
    pair: pair && { keyValue: pair.keyValue, key: view.rangeOfNode(pair.key), value: view.rangeOfNode(pair.value) },
    keyRange: view.keyRange(path),
    anchor: view.anchor(path, ['status'], ['kind']),
  };
}

describe('a view answered from an earlier parse', () => {
  for (const [name, text] of Object.entries(TEXTS)) {
    it(`answers as a view of the parse does: ${name}`, () => {
      const uri = `/team/${name.replace(/\W+/g, '-')}.worksheet.yaml`;
      const pool = new AnswerPool();
      const at = recordAnswers(new YamlView(parseFile(uri, text)), pool);
      assert.notEqual(at, undefined);
      const parsed = new YamlView(parseFile(uri, text));
      for (const path of PATHS) {
        // A fresh view for each path: what it answers first cannot lean on a parse made for another question.
        const answered = new AnsweredView(new ParsedOnDemand(uri, text, 'worksheet'), pool.data, at!);
        assert.deepEqual(answers(answered, path), answers(parsed, path), `${name}: ${JSON.stringify(path)}`);
      }
    });
  }

  it('records nothing for a parse whose lines are not the text\'s line feeds', () => {
    // Ranges are worked out again from the text's line feeds: a parse that broke its lines anywhere
    // else (none of ours does today) must not have its answers kept.
    const parse = parseFile('/team/lines.worksheet.yaml', WORKSHEET);
    assert.notEqual(recordAnswers(new YamlView(parse), new AnswerPool()), undefined);
    const lines = new LineCounter();
    lines.lineStarts = parse.lines.lineStarts.filter((_, i) => i !== 3);
    assert.equal(recordAnswers(new YamlView({ ...parse, lines }), new AnswerPool()), undefined);
  });
});
