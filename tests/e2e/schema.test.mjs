// The register file format v1: the shipped sample is valid against
// docs/register-v1.schema.json, and broken copies of it are not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';

const root = new URL('../../', import.meta.url);
const readJson = (path) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

const schema = readJson('docs/register-v1.schema.json');
const sample = readJson('public/sample-register.json');
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** A deep copy of the sample, changed by `edit`. */
function brokenSample(edit) {
  const copy = structuredClone(sample);
  edit(copy);
  return copy;
}

/** Where and why the schema refused the last file validated, one "path: message" a line. */
function errorsOf() {
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'}: ${e.message}`).join('\n');
}

test('the shipped sample register is valid against the schema', () => {
  const valid = validate(sample);
  assert.equal(valid, true, errorsOf());
});

test('a register file with its revision (version 1.1) is valid', () => {
  assert.equal(validate(brokenSample((f) => { f.revision = 12; })), true, errorsOf());
});

test('the sample exercises every kind of object the schema describes', () => {
  const r = sample.register;
  assert.ok(r.statuses.length > 0);
  assert.ok(r.themes.length > 0);
  assert.ok(r.themes[0].objectives.length > 0);
  assert.ok(r.themes[0].objectives[0].activities.length > 0);
});

const broken = [
  ['a wrong format tag', (f) => { f.format = 'activity-register-x'; }, '/format'],
  ['no format tag', (f) => { delete f.format; }, '/'],
  ['version 2', (f) => { f.version = 2; }, '/version'],
  ['a revision below 0', (f) => { f.revision = -1; }, '/revision'],
  ['a revision that is text', (f) => { f.revision = '3'; }, '/revision'],
  ['quarter 5', (f) => { f.register.period.quarter = 5; }, '/register/period/quarter'],
  ['a financial year written "19/20"', (f) => { f.register.period.financial_year = '19/20'; }, '/register/period/financial_year'],
  [
    'an unknown extra field on an activity',
    (f) => { f.register.themes[0].objectives[0].activities[0].rag = 'green'; },
    '/register/themes/0/objectives/0/activities/0',
  ],
  ['an unknown extra field on the register', (f) => { f.register.owner = 'someone'; }, '/register'],
  ['a status with an empty symbol', (f) => { f.register.statuses[2].symbol = ''; }, '/register/statuses/2/symbol'],
  ['a status with a blank symbol', (f) => { f.register.statuses[2].symbol = '  '; }, '/register/statuses/2/symbol'],
  ['a colour that is not #rrggbb', (f) => { f.register.statuses[0].colour = 'blue'; }, '/register/statuses/0/colour'],
  ['a missing activity field', (f) => { delete f.register.themes[1].objectives[0].activities[0].portfolio; }, '/register/themes/1/objectives/0/activities/0'],
  ['a text of 20,001 characters', (f) => { f.register.organisation = 'A'.repeat(20001); }, '/register/organisation'],
  ['a progress point of 20,001 characters', (f) => { f.register.themes[0].objectives[0].activities[0].progress = ['A'.repeat(20001)]; }, '/register/themes/0/objectives/0/activities/0/progress/0'],
  ['an empty theme title', (f) => { f.register.themes[2].title = ' '; }, '/register/themes/2/title'],
  ['an empty objective ID', (f) => { f.register.themes[0].objectives[1].id = ''; }, '/register/themes/0/objectives/1/id'],
  ['no key activities', (f) => { f.register.themes = []; }, '/register/themes'],
  ['version 1.2', (f) => { f.version = 1.2; }, '/version'],
  ['version "1.1" as text', (f) => { f.version = '1.1'; }, '/version'],
  ['a trail entry received in words', (f) => { f.register.trail = [trailEntry({ received: '1 August 2019' })]; }, '/register/trail/0/received'],
  ['a trail entry taking a title', (f) => { f.register.trail = [trailEntry({ accepted: [{ activity: 'KA.01.01', fields: ['title'] }] })]; }, '/register/trail/0/accepted/0/fields/0'],
  ['a trail entry with no lead', (f) => { const e = trailEntry(); delete e.lead; f.register.trail = [e]; }, '/register/trail/0'],
];

/** A valid entry of the trail of applied returns (format 1.1), changed by `over`. */
function trailEntry(over = {}) {
  return {
    lead: 'D. Atkinson',
    file: 'return-2019-20-q1-d-atkinson.xlsx',
    received: '2019-08-12T09:30:00Z',
    applied: '2019-08-14T15:02:41.250Z',
    accepted: [{ activity: 'KA.01.01', fields: ['status', 'next_steps'] }],
    ...over,
  };
}

for (const [what, edit, where] of broken) {
  test(`a copy with ${what} is invalid at ${where}`, () => {
    const file = brokenSample(edit);
    assert.equal(validate(file), false, `expected ${what} to be refused`);
    const paths = validate.errors.map((e) => e.instancePath || '/');
    assert.ok(paths.includes(where), `errors were:\n${errorsOf()}`);
  });
}

test('meeting, meeting_date and author may be left out', () => {
  const file = brokenSample((f) => {
    delete f.register.meeting;
    delete f.register.meeting_date;
    delete f.register.author;
  });
  assert.equal(validate(file), true, errorsOf());
});

test('versions 1, 1.0 and 1.1 are valid, and so is a trail of applied returns', () => {
  assert.equal(sample.version, 1.1, 'the app writes version 1.1');
  for (const version of [1, 1.0, 1.1]) {
    assert.equal(validate(brokenSample((f) => { f.version = version; })), true, errorsOf());
  }
  const file = brokenSample((f) => { f.register.trail = [trailEntry(), trailEntry({ accepted: [] })]; });
  assert.equal(validate(file), true, errorsOf());
});
