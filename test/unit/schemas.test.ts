// The four JSON Schemas: the contract's examples validate, every field teaches
// the method on hover (description and markdownDescription), every enum explains
// its values, snippets produce valid content, and the mistakes people make are
// reported by the right keyword.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { FILE_CODES, RULES } from '../../src/core/rules';
import { REFERS_TO_KEYWORD } from '../../src/core/schema';
import { CONFIG, CONVENING, REVIEW, WORKSHEET, check } from './helpers';

type Kind = 'worksheet' | 'convening' | 'review' | 'config';
type Schema = Record<string, unknown>;

const KINDS: Kind[] = ['worksheet', 'convening', 'review', 'config'];
const NON_STANDARD = ['markdownDescription', 'enumDescriptions', 'defaultSnippets'];

function loadSchema(kind: Kind): Schema {
  return JSON.parse(readFileSync(resolve(process.cwd(), `schemas/${kind}.schema.json`), 'utf8')) as Schema;
}

const SCHEMAS = Object.fromEntries(KINDS.map((k) => [k, loadSchema(k)])) as Record<Kind, Schema>;

function newAjv(): Ajv {
  // Strict in everything but strictRequired: "organization or id" is an anyOf of
  // two `required` branches, which strictRequired rejects because the branches do
  // not repeat the properties (ajv checks them before the sibling `properties`).
  const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });
  ajv.addVocabulary(NON_STANDARD);
  // Our own keyword, as the extension's ajv knows it: a value outside its kinds fails to compile.
  ajv.addKeyword(REFERS_TO_KEYWORD);
  return ajv;
}

const ajv = newAjv();
const validators = Object.fromEntries(KINDS.map((k) => [k, ajv.compile(SCHEMAS[k])])) as Record<Kind, ValidateFunction>;

function errorsOf(kind: Kind, yamlText: string): ErrorObject[] {
  const validate = validators[kind];
  return validate(parse(yamlText)) ? [] : [...(validate.errors ?? [])];
}

function describeErrors(errors: ErrorObject[]): string {
  return errors.map((e) => `${e.instancePath || '/'} ${e.keyword}: ${e.message ?? ''} ${JSON.stringify(e.params)}`).join('\n');
}

// The four examples of the file-format contract (shared with the rule tests).
const CONTRACT: Record<Kind, string> = { worksheet: WORKSHEET, convening: CONVENING, review: REVIEW, config: CONFIG };

const MINIMAL_PLANNED = `kind: worksheet
version: 1
status: planned
partner:
  organization: Riverside Youth Collective
meeting:
  date: 2026-10-14
`;

/** Every schema node of interest, with where it is, for the walker. */
interface Visit {
  where: string;
  node: Schema;
  /** A property, list item, definition or alternative: needs descriptions. */
  described: boolean;
}

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function walk(node: Schema, where: string, described: boolean, out: Visit[] = []): Visit[] {
  out.push({ where, node, described });
  if (isSchema(node.properties)) {
    for (const [k, v] of Object.entries(node.properties)) if (isSchema(v)) walk(v, `${where}.properties.${k}`, true, out);
  }
  if (isSchema(node.items)) walk(node.items, `${where}.items`, true, out);
  if (isSchema(node.additionalProperties)) walk(node.additionalProperties, `${where}.additionalProperties`, true, out);
  if (isSchema(node.propertyNames)) walk(node.propertyNames, `${where}.propertyNames`, true, out);
  if (isSchema(node.definitions)) {
    for (const [k, v] of Object.entries(node.definitions)) if (isSchema(v)) walk(v, `${where}.definitions.${k}`, true, out);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const alts = node[key];
    if (Array.isArray(alts)) alts.forEach((a, i) => { if (isSchema(a)) walk(a, `${where}.${key}[${i}]`, true, out); });
  }
  return out;
}

/** A snippet body with its placeholders replaced by their default text. */
function expandSnippet(body: unknown): unknown {
  if (typeof body === 'string') {
    return body
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\{\d+\|([^,|]*)[^}]*\|\}/g, '$1');
  }
  if (Array.isArray(body)) return body.map(expandSnippet);
  if (isSchema(body)) return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, expandSnippet(v)]));
  return body;
}

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFilesUnder(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

function kindOfFile(path: string): Kind | undefined {
  if (/\.worksheet\.ya?ml$/.test(path)) return 'worksheet';
  if (/\.convening\.ya?ml$/.test(path)) return 'convening';
  if (/\.review\.ya?ml$/.test(path)) return 'review';
  if (/(^|\/)partner-worksheets\.ya?ml$/.test(path)) return 'config';
  return undefined;
}

describe('JSON Schemas', () => {
  describe('headers', () => {
    for (const kind of KINDS) {
      it(`${kind}: draft-07 with an $id, a title and a description`, () => {
        const s = SCHEMAS[kind];
        assert.equal(s.$schema, 'http://json-schema.org/draft-07/schema#');
        assert.equal(s.$id, `https://partner-worksheets.dev/schemas/${kind}.schema.json`);
        assert.ok(typeof s.title === 'string' && s.title.length > 0);
        assert.ok(typeof s.description === 'string' && s.description.length > 0);
        assert.deepEqual((s.properties as Record<string, Schema>).kind.const, kind);
      });
    }
  });

  describe('the contract examples', () => {
    for (const kind of KINDS) {
      it(`the ${kind} example validates with no errors`, () => {
        const errors = errorsOf(kind, CONTRACT[kind]);
        assert.deepEqual(errors, [], describeErrors(errors));
      });
    }

    it('the example workspace and the test fixtures validate', () => {
      // examples/first-round is a first round as people write it, slips and all: it reads, with warnings (cli.test.ts).
      const files = [...yamlFilesUnder(resolve('examples')).filter((f) => !f.includes('first-round')), ...yamlFilesUnder(resolve('test/fixtures/workspace'))];
      let checked = 0;
      for (const file of files) {
        const kind = kindOfFile(file);
        if (!kind) continue;
        const errors = errorsOf(kind, readFileSync(file, 'utf8'));
        assert.deepEqual(errors, [], `${file}\n${describeErrors(errors)}`);
        checked++;
      }
      assert.ok(checked > 4, `only ${checked} files checked`);
    });
  });

  describe('every field teaches the method', () => {
    for (const kind of KINDS) {
      const visits = walk(SCHEMAS[kind], kind, true);

      it(`${kind}: every property, item, definition and alternative has a description and a markdownDescription`, () => {
        const missing = visits
          .filter((v) => v.described)
          .filter((v) => !(typeof v.node.description === 'string' && v.node.description.trim())
            || !(typeof v.node.markdownDescription === 'string' && v.node.markdownDescription.trim()))
          .map((v) => v.where);
        assert.deepEqual(missing, []);
        assert.ok(visits.length > 20, `walked only ${visits.length} nodes`);
      });

      it(`${kind}: every enum has enumDescriptions of the same length`, () => {
        for (const { where, node } of visits) {
          if (!Array.isArray(node.enum)) continue;
          const descs = node.enumDescriptions;
          assert.ok(Array.isArray(descs), `${where}: enum without enumDescriptions`);
          assert.equal(descs.length, node.enum.length, `${where}: ${descs.length} descriptions for ${node.enum.length} values`);
          assert.ok(descs.every((x) => typeof x === 'string' && x.trim()), `${where}: empty enum description`);
        }
      });

      it(`${kind}: every object rejects unknown keys`, () => {
        for (const { where, node } of visits) {
          if (node.type !== 'object' && !isSchema(node.properties)) continue;
          if (where.endsWith('.rules') || where.endsWith('.aliases')) continue; // rule codes, old ids: checked by propertyNames
          assert.equal(node.additionalProperties, false, `${where} accepts unknown keys`);
        }
      });

      it(`${kind}: every default snippet, filled with its placeholders, is valid where it is offered`, () => {
        const definitions = SCHEMAS[kind].definitions;
        const snippetAjv = newAjv();
        let count = 0;
        for (const { where, node } of visits) {
          if (!Array.isArray(node.defaultSnippets)) continue;
          const validate = snippetAjv.compile({ ...node, definitions });
          for (const snippet of node.defaultSnippets as { label?: unknown; body?: unknown }[]) {
            assert.ok(typeof snippet.label === 'string' && snippet.label, `${where}: snippet without a label`);
            const body = expandSnippet(snippet.body);
            assert.ok(validate(body), `${where} snippet "${String(snippet.label)}": ${describeErrors(validate.errors ?? [])}`);
            count++;
          }
        }
        assert.ok(count > 0);
      });
    }

    it('offers the skeletons people need as default snippets', () => {
      const labels = (kind: Kind) => walk(SCHEMAS[kind], kind, true)
        .flatMap((v) => (Array.isArray(v.node.defaultSnippets) ? (v.node.defaultSnippets as { label: string }[]).map((s) => s.label) : []));
      const ws = labels('worksheet');
      for (const l of ['confirmation', 'next step', 'follow up', 'meeting', 'partner', 'note with themes']) assert.ok(ws.includes(l), `worksheet: ${l}`);
      const cv = labels('convening');
      for (const l of ['convener vision', 'coordinator', 'goal with metrics', 'indicator']) assert.ok(cv.includes(l), `convening: ${l}`);
      const rv = labels('review');
      for (const l of ['opportunity', 'commitment']) assert.ok(rv.includes(l), `review: ${l}`);
    });

    it('config rules know every rule code, plus schema and yaml-syntax', () => {
      const rules = (SCHEMAS.config.properties as Record<string, Schema>).rules;
      const codes = (rules.propertyNames as Schema).enum as string[];
      for (const code of [...RULES.map((r) => r.code), 'schema', 'yaml-syntax', ...Object.keys(FILE_CODES)]) {
        assert.ok(codes.includes(code), code);
        assert.ok((rules.properties as Record<string, Schema>)[code], `no description for ${code}`);
      }
    });
  });

  describe('what a user gets wrong', () => {
    it('a misspelt key is an additionalProperties error on its block', () => {
      const errors = errorsOf('worksheet', CONTRACT.worksheet.replace('duration_minutes', 'duraton_minutes'));
      const e = errors.find((x) => x.keyword === 'additionalProperties');
      assert.ok(e, describeErrors(errors));
      assert.equal(e.instancePath, '/meeting');
      assert.equal(e.params.additionalProperty, 'duraton_minutes');
    });

    it('status: done on a worksheet is an enum error', () => {
      const errors = errorsOf('worksheet', CONTRACT.worksheet.replace('status: shared', 'status: done'));
      const e = errors.find((x) => x.keyword === 'enum' && x.instancePath === '/status');
      assert.ok(e, describeErrors(errors));
      assert.deepEqual(e.params.allowedValues, ['planned', 'prepared', 'held', 'filled', 'shared']);
    });

    it('a date written 14/10/2026 fails the date pattern', () => {
      const errors = errorsOf('worksheet', MINIMAL_PLANNED.replace('2026-10-14', '14/10/2026'));
      const e = errors.find((x) => x.keyword === 'pattern' && x.instancePath === '/meeting/date');
      assert.ok(e, describeErrors(errors));
    });

    it('a time not written HH:MM fails the time pattern', () => {
      const errors = errorsOf('worksheet', CONTRACT.worksheet.replace('"16:00"', '"4pm"'));
      assert.ok(errors.some((x) => x.keyword === 'pattern' && x.instancePath === '/meeting/start'), describeErrors(errors));
    });

    it('a planned worksheet with only a partner and a date is valid', () => {
      const errors = errorsOf('worksheet', MINIMAL_PLANNED);
      assert.deepEqual(errors, [], describeErrors(errors));
      assert.deepEqual(errorsOf('worksheet', MINIMAL_PLANNED.replace('organization: Riverside Youth Collective', 'id: riverside-youth')), []);
    });

    it('a partner needs an organization or an id', () => {
      const errors = errorsOf('worksheet', MINIMAL_PLANNED.replace('organization: Riverside Youth Collective', 'community: Teens'));
      assert.ok(errors.some((x) => x.keyword === 'anyOf' && x.instancePath === '/partner'), describeErrors(errors));
    });

    it('a worksheet needs kind, partner and status', () => {
      const missing = errorsOf('worksheet', 'version: 1\n').filter((x) => x.keyword === 'required').map((x) => x.params.missingProperty);
      assert.deepEqual(missing.sort(), ['kind', 'partner', 'status']);
    });

    it('a note is a line or a block with text; an empty line or a block without text is not', () => {
      assert.deepEqual(errorsOf('worksheet', `${MINIMAL_PLANNED}notes:\n  values: [Teens decide, {text: Paid work, themes: [pay], quote: "We pay them"}]\n`), []);
      assert.ok(errorsOf('worksheet', `${MINIMAL_PLANNED}notes:\n  values: [""]\n`).length > 0);
      assert.ok(errorsOf('worksheet', `${MINIMAL_PLANNED}notes:\n  values: [{themes: [pay]}]\n`).length > 0);
    });

    it('a coordinator duty may be vacant (null) but not a number; the shared vision may be null', () => {
      const vacant = CONTRACT.convening.replace('shared_measurement: sam', 'shared_measurement: null');
      assert.deepEqual(errorsOf('convening', vacant), []);
      const wrong = CONTRACT.convening.replace('shared_measurement: sam', 'shared_measurement: 3');
      assert.ok(errorsOf('convening', wrong).some((x) => x.keyword === 'type' && x.instancePath === '/coordinator/duties/shared_measurement'));
      assert.ok(errorsOf('convening', CONTRACT.convening.replace('shared_vision: null', 'shared_vision: [a]')).length > 0);
    });

    it('a convening partner role outside member, leadership and advisory is an enum error', () => {
      const errors = errorsOf('convening', CONTRACT.convening.replace('roles: [member]', 'roles: [funder]'));
      assert.ok(errors.some((x) => x.keyword === 'enum' && x.instancePath === '/partners/1/roles/0'), describeErrors(errors));
    });

    it('config rules: an unknown rule code and an unknown severity are reported', () => {
      const badCode = errorsOf('config', CONTRACT.config.replace('meeting-length: warning', 'meeting-lenght: warning'));
      assert.ok(badCode.some((x) => x.keyword === 'propertyNames'), describeErrors(badCode));
      const badSeverity = errorsOf('config', CONTRACT.config.replace('not-thanked: off', 'not-thanked: silent'));
      assert.ok(badSeverity.some((x) => x.keyword === 'enum' && x.instancePath === '/rules/not-thanked'), describeErrors(badSeverity));
    });

    it('a review needs kind and round', () => {
      const missing = errorsOf('review', 'date: 2026-11-20\n').filter((x) => x.keyword === 'required').map((x) => x.params.missingProperty);
      assert.deepEqual(missing.sort(), ['kind', 'round']);
    });
  });
});

describe('lists no real file comes near', () => {
  it('every list has a maxItems, and a list past it is one finding that says so', () => {
    for (const kind of ['worksheet', 'convening', 'review', 'config']) {
      const schema = JSON.parse(readFileSync(resolve(`schemas/${kind}.schema.json`), 'utf8')) as unknown;
      const unbounded: string[] = [];
      const walk = (n: unknown, at: string): void => {
        if (Array.isArray(n)) n.forEach((x, i) => walk(x, `${at}/${i}`));
        else if (n && typeof n === 'object') {
          const o = n as Record<string, unknown>;
          const t = o.type;
          if ((t === 'array' || (Array.isArray(t) && t.includes('array'))) && typeof o.maxItems !== 'number') unbounded.push(at);
          for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
        }
      };
      walk(schema, kind);
      assert.deepEqual(unbounded, [], `${kind}: lists without maxItems`);
    }
    const many = WORKSHEET.replace(/ {2}values: .*\n/, `  values: [${Array.from({ length: 201 }, (_, i) => `v${i}`).join(', ')}]\n`);
    const found = check(many).filter((f) => f.code === 'schema');
    assert.equal(found.length, 1, JSON.stringify(found));
    assert.match(found[0].message, /`notes\.values` has 201 items; no real worksheet needs more than 200/);
  });
});
