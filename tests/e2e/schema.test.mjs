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
