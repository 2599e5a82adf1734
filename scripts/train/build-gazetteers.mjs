#!/usr/bin/env node
// Derives the compact gazetteer shipped in server/src/core/recognize/data/gazetteer.json
// from the lexicon of the `compromise` package (MIT licence, already a dev dependency):
// first names, family names, countries, cities, regions, demonyms, organisation names,
// honorifics, and the common (non-name) English words that tell a capitalised sentence
// start from a name. Only lower-cased word lists are kept; run once after upgrading compromise:
//   node scripts/train/build-gazetteers.mjs
import fs from 'node:fs';
import path from 'node:path';
import nlp from 'compromise';

const lexicon = nlp.world().model.one.lexicon;
const byTag = new Map();
for (const [word, tags] of Object.entries(lexicon)) {
  for (const tag of Array.isArray(tags) ? tags : [tags]) {
    if (!byTag.has(tag)) byTag.set(tag, new Set());
    byTag.get(tag).add(word);
  }
}
const take = (...tags) => [...new Set(tags.flatMap((t) => [...(byTag.get(t) ?? [])]))].filter((w) => /^[\p{L}][\p{L}\p{N}&' .-]*$/u.test(w)).sort();
const proper = new Set(take('MaleName', 'FemaleName', 'FirstName', 'LastName', 'Country', 'City', 'Region', 'Demonym', 'Organization', 'SportsTeam', 'Person', 'ProperNoun', 'Place', 'Month', 'WeekDay'));
const common = take('Adjective', 'Noun', 'Singular', 'Plural', 'PastTense', 'PresentTense', 'Infinitive', 'Gerund', 'Participle', 'Adverb', 'Preposition', 'Determiner', 'Conjunction', 'Pronoun', 'Modal', 'Copula', 'QuestionWord', 'Comparative', 'Superlative', 'Uncountable', 'Actor', 'Expression', 'Cardinal', 'Ordinal', 'TextValue')
  .filter((w) => !w.includes(' ') && !proper.has(w));

const data = {
  source: 'Derived from the lexicon of compromise ' + JSON.parse(fs.readFileSync('node_modules/compromise/package.json', 'utf8')).version + ' (MIT licence, (c) Spencer Kelly and contributors).',
  first: take('MaleName', 'FemaleName', 'FirstName'),
  last: take('LastName'),
  country: take('Country'),
  city: take('City'),
  region: take('Region'),
  demonym: take('Demonym'),
  organization: take('Organization', 'SportsTeam').filter((w) => w.length > 3 || /^[a-z]{2,3}$/.test(w) === false),
  person: take('Person'),
  honorific: take('Honorific'),
  month: take('Month'),
  weekday: take('WeekDay'),
  common,
  // Finite verb forms: after a name they show the name heads its phrase ("the GAO upheld").
  verb: take('PastTense', 'PresentTense', 'Modal', 'Copula').filter((w) => !w.includes(' ') && !proper.has(w)),
};
const out = path.resolve('server/src/core/recognize/data/gazetteer.json');
fs.writeFileSync(out, JSON.stringify(data) + '\n');
console.log(`wrote ${out}: ${Object.entries(data).filter(([, v]) => Array.isArray(v)).map(([k, v]) => `${k} ${v.length}`).join(', ')}; ${fs.statSync(out).size} bytes`);
