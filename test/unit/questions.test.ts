import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { QUESTIONS, QUESTION_CATEGORIES, questionById, questionsIn } from '../../src/core/questions';
import type { QuestionCategory } from '../../src/core/questions';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NOTE_CATEGORIES: QuestionCategory[] = ['opening', 'challenges', 'values', 'goals', 'commitments', 'compelling'];
const CLOSING_CATEGORIES: QuestionCategory[] = ['confirmation', 'next-step', 'follow-up'];
const EXAMPLE = resolve('examples/community-team');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(e.name) ? [path] : [];
  });
}

describe('question bank', () => {
  it('has unique, slug-shaped ids', () => {
    const ids = QUESTIONS.map((q) => q.id);
    assert.deepEqual(ids.filter((id) => !SLUG.test(id)), []);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), [], 'duplicate ids');
  });

  it('describes every category once, and every question belongs to one of them', () => {
    const categories = QUESTION_CATEGORIES.map((c) => c.id);
    assert.deepEqual([...categories].sort(), [...NOTE_CATEGORIES, ...CLOSING_CATEGORIES].sort());
    for (const c of QUESTION_CATEGORIES) assert.ok(c.label.trim() && c.description.trim(), c.id);
    assert.deepEqual(QUESTIONS.filter((q) => !categories.includes(q.category)).map((q) => q.id), []);
  });

  it('has at least five open questions per note category and three per closing category', () => {
    for (const c of NOTE_CATEGORIES) assert.ok(questionsIn(c).length >= 5, `${c}: ${questionsIn(c).length}`);
    for (const c of CLOSING_CATEGORIES) assert.ok(questionsIn(c).length >= 3, `${c}: ${questionsIn(c).length}`);
  });

  it('keeps the ids the format contract uses', () => {
    assert.equal(questionById('goals-year-from-now')?.category, 'goals');
    assert.equal(questionById('challenges-in-the-way')?.category, 'challenges');
    assert.equal(questionById('no-such-question'), undefined);
  });

  it('finds a question by id and lists a category in bank order', () => {
    for (const q of QUESTIONS) assert.equal(questionById(q.id), q);
    assert.deepEqual(questionsIn('follow-up'), QUESTIONS.filter((q) => q.category === 'follow-up'));
  });

  it('words every question as a question (or a sentence to finish)', () => {
    const bad = QUESTIONS.filter((q) => !/(\?|\.\.\.|…)$/.test(q.text.trim())).map((q) => q.id);
    assert.deepEqual(bad, []);
  });

  it('gives each question a one-line reason, for hover', () => {
    const bad = QUESTIONS.filter((q) => q.why !== undefined && (!q.why.trim() || /\n/.test(q.why))).map((q) => q.id);
    assert.deepEqual(bad, []);
    assert.ok(QUESTIONS.every((q) => q.why), 'every question says why it matters');
  });

  it('confirmation questions restate what we heard and ask if it is right', () => {
    for (const q of questionsIn('confirmation')) {
      assert.match(q.text, /^So .*\.\.\. - .*\?$/, q.id);
    }
  });
});

describe('the example workspace and the question bank', () => {
  const files = yamlFiles(EXAMPLE);

  it('has example files that parse as YAML with no duplicate keys', () => {
    assert.ok(files.length >= 17, `only ${files.length} YAML files`);
    for (const file of files) {
      const doc = parseDocument(readFileSync(file, 'utf8'), { uniqueKeys: true, prettyErrors: false });
      const problems = [...doc.errors, ...doc.warnings].map((e) => e.message);
      assert.deepEqual(problems, [], relative(EXAMPLE, file));
    }
  });

  it('uses only question ids from the bank under preparation.questions', () => {
    const used: string[] = [];
    const unknown: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.worksheet.yaml'))) {
      const data = parseDocument(readFileSync(file, 'utf8')).toJS() as { preparation?: { questions?: unknown } };
      const questions = data.preparation?.questions;
      if (questions === undefined || questions === null) continue;
      assert.ok(Array.isArray(questions), `${relative(EXAMPLE, file)}: preparation.questions is a list`);
      for (const q of questions) {
        // The contract allows free text too; anything shaped like an id must be in the bank.
        if (typeof q !== 'string' || !SLUG.test(q)) continue;
        used.push(q);
        if (!questionById(q)) unknown.push(`${relative(EXAMPLE, file)}: ${q}`);
      }
    }
    assert.ok(used.length >= 10, 'the example prepares its meetings with questions from the bank');
    assert.deepEqual(unknown, []);
  });
});
