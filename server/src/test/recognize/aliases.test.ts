import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { entityKey, groupAliases, initialsOf, normalizeAlias } from '../../core/recognize/aliases';
import { createRecognizer } from '../../core/recognize/recognizer';
import { parseArticle } from '../../core/article/parseArticle';
import type { EntityMention } from '../../core/recognize/model';

const fixture = (name: string): string => fs.readFileSync(path.resolve(__dirname, '../../../../test-fixtures/articles', name), 'utf8');
const recognizer = createRecognizer();

/** Entities of the story whose headline contains `headline`, recognized as the extension does (story by story). */
function storyEntities(file: string, headline: string): EntityMention[] {
  const text = fixture(file);
  const story = parseArticle(text).value.stories.find((s) => s.headline.includes(headline));
  assert.ok(story, `story "${headline}" in ${file}`);
  return recognizer.recognize(text.slice(story.start, story.end), { referenceDate: story.date?.value }).entities;
}

describe('recognize/aliases', () => {
  it('normalizes spelling variants, titles, "the" and possessives alike', () => {
    assert.equal(normalizeAlias('Anwaar ul-Haq-Kakar'), normalizeAlias('Anwaar-ul-Haq Kakar'));
    assert.equal(normalizeAlias('PM Kakar'), 'kakar');
    assert.equal(normalizeAlias('Lt. Gen. Ahmed Sharif Chaudhry'), 'ahmed sharif chaudhry');
    assert.equal(normalizeAlias('the U.S.'), 'us');
    assert.equal(normalizeAlias('Khan’s'), 'khan');
    assert.equal(entityKey('Anwaar-ul-Haq Kakar', 'person'), entityKey('Anwaar ul-Haq-Kakar', 'person'));
    assert.notEqual(entityKey('Jordan', 'person'), entityKey('Jordan', 'location'));
    assert.equal(initialsOf('Tehreek-e-Taliban Pakistan'), 'TTP');
  });

  it('groups Kakar variants under "Anwaar-ul-Haq Kakar" in the sample article', () => {
    const ents = storyEntities('004_b505b468b55779a5.txt', 'restore diplomatic relations');
    const kakar = ents.filter((m) => /Kakar/.test(m.text));
    assert.ok(kakar.length >= 4);
    for (const m of kakar) assert.equal(m.canonical, 'Anwaar-ul-Haq Kakar', m.text);
    assert.ok(kakar.some((m) => m.text === 'Kakar'));
    assert.ok(kakar.some((m) => m.text === 'Anwaar ul-Haq-Kakar'));
  });

  it('groups "TTP" under "Tehreek-e-Taliban Pakistan" in the sample article', () => {
    const ents = storyEntities('001_500e4bc84070cb8b.txt', 'Pakistan, Iraq discuss');
    const ttp = ents.filter((m) => m.text === 'TTP');
    assert.ok(ttp.length >= 1);
    for (const m of ttp) assert.equal(m.canonical, 'Tehreek-e-Taliban Pakistan');
  });

  it('never groups "Khan" with "Amir Khan" when the story names Imran Khan', () => {
    const ents = storyEntities('001_500e4bc84070cb8b.txt', 'Imran Khan’s party');
    const bare = ents.filter((m) => m.text === 'Khan');
    assert.ok(bare.length >= 3);
    for (const m of bare) assert.notEqual(m.canonical, 'Amir Khan');
    assert.ok(bare.some((m) => m.canonical === 'Imran Khan'), 'Khan before Amir Khan appears is Imran Khan');
    // After "Amir Khan" speaks, a bare "Khan" is ambiguous: left ungrouped rather than guessed.
    const amir = ents.find((m) => m.text === 'Amir Khan');
    assert.ok(amir);
    const after = bare.filter((m) => m.start > amir.start);
    assert.ok(after.length > 0);
    for (const m of after) assert.ok(m.canonical === undefined || m.canonical === 'Khan', m.canonical);
  });

  it('prefers the nearest full name when it is also the most frequent', () => {
    const groups = groupAliases([
      { text: 'Imran Khan', type: 'person', start: 0 },
      { text: 'Imran Khan', type: 'person', start: 10 },
      { text: 'Amir Khan', type: 'person', start: 20 },
      { text: 'Khan', type: 'person', start: 30 },
      { text: 'Imran Khan', type: 'person', start: 40 },
      { text: 'Khan', type: 'person', start: 50 },
    ]);
    const imran = groups.find((g) => g.canonical === 'Imran Khan');
    assert.ok(imran);
    assert.deepEqual(imran.members, [0, 1, 4, 5]);
    assert.ok(groups.some((g) => g.canonical === 'Khan' && g.members.length === 1 && g.members[0] === 3));
  });

  it('never makes a place an alias of a longer place ("Sudan" / "South Sudan", "Pakistan" / "Iran-Pakistan")', () => {
    const groups = groupAliases([
      { text: 'South Sudan', type: 'location', start: 0 },
      { text: 'Sudan', type: 'location', start: 20 },
      { text: 'Iran-Pakistan', type: 'location', start: 40 },
      { text: 'Pakistan', type: 'location', start: 60 },
      { text: 'Pakistan', type: 'location', start: 80 },
    ]);
    assert.deepEqual(groups.map((g) => [g.canonical, g.members]), [['South Sudan', [0]], ['Sudan', [1]], ['Iran-Pakistan', [2]], ['Pakistan', [3, 4]]]);
    // People and organisations still are named by part of their name.
    const people = groupAliases([{ text: 'Chrysler LLC', type: 'organization', start: 0 }, { text: 'Chrysler', type: 'organization', start: 20 }]);
    assert.deepEqual(people.map((g) => [g.canonical, g.members]), [['Chrysler LLC', [0, 1]]]);
  });

  it('works across a workspace: full names merge across stories, partials stay in their story', () => {
    const groups = groupAliases([
      { text: 'Anwaar-ul-Haq Kakar', type: 'person', story: 'a', start: 0 },
      { text: 'Kakar', type: 'person', story: 'a', start: 50 },
      { text: 'Anwaar ul-Haq-Kakar', type: 'person', story: 'b', start: 0 },
      { text: 'Kakar', type: 'person', story: 'c', start: 0 },
      { text: 'Tehreek-e-Taliban Pakistan', type: 'organization', story: 'a', start: 80 },
      { text: 'TTP', type: 'organization', story: 'a', start: 120 },
    ]);
    const kakar = groups.find((g) => g.key === entityKey('Anwaar-ul-Haq Kakar', 'person'));
    assert.ok(kakar);
    assert.deepEqual(kakar.members, [0, 1, 2]);
    assert.equal(kakar.canonical, 'Anwaar-ul-Haq Kakar');
    assert.ok(groups.some((g) => g.members.length === 1 && g.members[0] === 3), 'Kakar in story c has no full name there');
    const ttp = groups.find((g) => g.canonical === 'Tehreek-e-Taliban Pakistan');
    assert.deepEqual(ttp?.members, [4, 5]);
    assert.deepEqual(ttp?.aliases, ['Tehreek-e-Taliban Pakistan', 'TTP']);
  });
});
