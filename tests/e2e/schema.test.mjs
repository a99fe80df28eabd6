// The JSON Schema for editors (assets/schema/movie.schema.json), in a real
// JSON Schema validator: the examples pass it and typical mistakes fail it.
// (It is generated from the validator's own shape table, src/model/fields.rs;
// tests/schema.rs checks the committed file is the generated one.)
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { test, assert, assertEqual } from './lib.mjs';

const schema = JSON.parse(readFileSync('assets/schema/movie.schema.json', 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
const examples = ['leaving-las-vegas', 'the-sixth-sense'].map((n) => JSON.parse(readFileSync(`assets/movies/${n}.json`, 'utf8')));

test('schema: the examples are valid against the JSON Schema', async () => {
  for (const movie of examples) assert(validate(movie), `${movie.id}: ${JSON.stringify(validate.errors)}`);
});

test('schema: typical mistakes fail the JSON Schema', async () => {
  const bad = [
    ['missing title', (m) => { delete m.title; }],
    ['javascript: url', (m) => { m.similar[0].url = 'javascript:alert(1)'; }],
    ['relative link', (m) => { m.more.links[0].url = '//evil.example/x'; }],
    ['year out of range', (m) => { m.year = 1700; }],
    ['schema version 2', (m) => { m.schema = 2; }],
    ['empty synopsis', (m) => { m.synopsis = '   '; }],
    ['fractional minute', (m) => { m.timeline[0].at_minute = 1.5; }],
    ['bad date', (m) => { m.updated = '16/11/2024'; }],
    ['id with spaces', (m) => { m.id = 'Leaving Las Vegas'; }],
  ];
  for (const [name, breakIt] of bad) {
    const movie = structuredClone(examples[0]);
    breakIt(movie);
    assert(!validate(movie), `${name} should fail`);
  }
});

test('schema: the JSON Schema and the card\'s validator (spoiler-card check) agree on the same documents', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, writeFileSync } = await import('node:fs');
  const cli = process.env.SPOILER_CARD_CLI ?? 'target/release/spoiler-card';
  const dir = mkdtempSync('/tmp/sc-schema-');
  const cases = [
    ['the example', () => {}],
    ['a control character in the title', (m) => { m.title = 'a\u0007b'; }],
    ['a C1 control character in a paragraph', (m) => { m.spoilers.summary[0] = 'x\u0085y'; }],
    ['tabs and line breaks in a text', (m) => { m.synopsis = 'one\ttwo\nthree'; }],
    ['a blank title', (m) => { m.title = ' \t '; }],
    ['a javascript: poster', (m) => { m.poster = { src: 'javascript:alert(1)', alt: 'x' }; }],
    ['a relative poster', (m) => { m.poster = { src: 'posters/llv.jpg', alt: 'x' }; }],
    ['a protocol-relative poster', (m) => { m.poster = { src: '//evil.example/x.jpg', alt: 'x' }; }],
    ['a data: poster', (m) => { m.poster = { src: 'data:image/png;base64,AAAA', alt: 'x' }; }],
    ['a link with a control character after the host', (m) => { m.more.links[0].url = 'https://example.com/a\u0001b'; }],
    ['a link with a backslash', (m) => { m.more.links[0].url = 'https:\\\\example.com'; }],
    ['null optional fields', (m) => { m.genres = null; m.poster = null; m.similar[0].year = null; m.more = null; }],
    ['a null $schema', (m) => { m.$schema = null; }],
    ['a date of 65 characters', (m) => { m.updated = `2024-11-16${' '.repeat(55)}`; }],
    ['a date-time', (m) => { m.updated = '2024-11-16T10:00:00Z'; }],
    ['no directors', (m) => { m.directors = []; }],
    ['unknown fields', (m) => { m.rating = 5; m.timeline[0].mood = 'grim'; }],
    ['a year out of range', (m) => { m.year = 1700; }],
    ['a poster on a one-letter host', (m) => { m.poster = { src: 'https://a', alt: 'x' }; }],
    ['a title of U+FEFF alone (not whitespace to the card)', (m) => { m.title = '\uFEFF'; }],
    ['a link holding U+FEFF', (m) => { m.more.links[0].url = 'https://a.example/\uFEFF'; }],
    ['a title of no-break spaces', (m) => { m.title = '\u00A0\u3000'; }],
  ];
  const verdicts = [];
  for (const [i, [name, change]] of cases.entries()) {
    const movie = structuredClone(examples[0]);
    change(movie);
    const file = `${dir}/case-${i}.json`;
    writeFileSync(file, JSON.stringify(movie));
    let cardSays = true;
    try { execFileSync(cli, ['check', file], { stdio: 'pipe' }); } catch { cardSays = false; }
    verdicts.push([name, cardSays, validate(movie)]);
  }
  const disagree = verdicts.filter(([, card, schema]) => card !== schema);
  assertEqual(disagree, [], 'documents the two judge differently ([name, card, schema])');
  assert(verdicts.some(([, ok]) => ok) && verdicts.some(([, ok]) => !ok), 'both verdicts occur');
});
