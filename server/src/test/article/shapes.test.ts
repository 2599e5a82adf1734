import * as assert from 'node:assert/strict';
import { parseArticle } from '../../core/article/parseArticle';

/** `kind:text` for every part, text cut to 30 characters. */
function outline(text: string): string[][] {
  return parseArticle(text, { fileDate: '2024-06-01' }).value.stories.map((s) =>
    s.parts.map((p) => `${p.kind}:${text.slice(p.start, p.end).slice(0, 30)}`));
}

describe('parseArticle on other layouts', () => {
  it('reads a story whose lines have no blank lines between them', () => {
    const text = 'Floods hit northern Italy as rivers burst banks\nUpdated 3 May 2024\nROME: Heavy rain caused rivers to burst their banks on Friday, officials said.\nThousands were evacuated from villages near Bologna.\n';
    assert.deepEqual(outline(text), [[
      'headline:Floods hit northern Italy as r', 'dateLine:Updated 3 May 2024', 'dateline:ROME:',
      'paragraph:Heavy rain caused rivers to bu', 'paragraph:Thousands were evacuated from ',
    ]]);
  });

  it('splits stories separated by one blank line when a date line follows the headline', () => {
    const text = 'Floods hit northern Italy as rivers burst banks\n\nUpdated 3 May 2024\n\nROME: Heavy rain caused rivers to burst their banks on Friday, officials said.\n\nThousands were evacuated from villages near Bologna, the civil protection agency said.\n\nThe army sent boats to help.\n\nGreece reports record tourist numbers for April\n\nUpdated 4 May 2024\n\nATHENS: Greece welcomed more tourists in April than ever before, the tourism ministry said.\n';
    const { value } = parseArticle(text);
    assert.deepEqual(value.stories.map((s) => [s.headline, s.date?.value, s.place]), [
      ['Floods hit northern Italy as rivers burst banks', '2024-05-03', 'ROME'],
      ['Greece reports record tourist numbers for April', '2024-05-04', 'ATHENS'],
    ]);
  });

  it('does not split at a short line after two blank lines inside a body', () => {
    const text = 'Floods hit northern Italy\n\nROME: Heavy rain caused rivers to burst their banks on Friday, officials said.\n\n\nWhat happens next\n\nEngineers will inspect the dams on Monday, the agency said in a statement.\n';
    assert.equal(parseArticle(text).value.stories.length, 1);
  });

  it('splits at a separator line followed by a headline, not at one followed by prose', () => {
    const text = 'Floods hit northern Italy\n\nHeavy rain caused rivers to burst their banks on Friday, officials said.\n\n* * *\n\nThe army sent boats to help evacuate villages near Bologna, the agency said.\n\n---\n\nGreece reports record tourist numbers\n\nGreece welcomed more tourists in April than ever before, the ministry said.\n';
    assert.deepEqual(parseArticle(text).value.stories.map((s) => s.headline), ['Floods hit northern Italy', 'Greece reports record tourist numbers']);
  });

  it('reads an all-capitals headline and takes a body date when there is no date line', () => {
    const text = 'FLOODS HIT NORTHERN ITALY\n\nROME: Heavy rain caused rivers to burst their banks on Friday, officials said on May 3, 2024.\n';
    const [s] = parseArticle(text).value.stories;
    assert.equal(s!.headline, 'FLOODS HIT NORTHERN ITALY');
    assert.deepEqual({ value: s!.date?.value, source: s!.date?.source }, { value: '2024-05-03', source: 'body' });
  });

  it('reads a Markdown heading as the headline, without its marker', () => {
    const text = '# Floods hit northern Italy\n\nROME: Heavy rain caused rivers to burst their banks on Friday, officials said.\n';
    const [s] = parseArticle(text).value.stories;
    assert.equal(s!.headline, 'Floods hit northern Italy');
    assert.equal(text.slice(s!.headlineSpan.start, s!.headlineSpan.end), 'Floods hit northern Italy');
    assert.equal(s!.place, 'ROME');
  });

  it('accepts the date line before the headline', () => {
    const text = 'Updated 3 May 2024\nFloods hit northern Italy as rivers burst banks\n\nROME — Heavy rain caused rivers to burst their banks on Friday, officials said.\n';
    const [s] = parseArticle(text).value.stories;
    assert.equal(s!.headline, 'Floods hit northern Italy as rivers burst banks');
    assert.equal(s!.date?.value, '2024-05-03');
  });

  it('takes a Reuters dateline date, with the year from the file date', () => {
    const text = 'Oil steadies as Red Sea disruption offsets demand worries\n\nLONDON, Jan 19 (Reuters) - Oil prices held steady on Friday as concerns over shipping eased.\n';
    const [s] = parseArticle(text, { fileDate: '2024-03-02' }).value.stories;
    assert.deepEqual({ value: s!.date?.value, source: s!.date?.source }, { value: '2024-01-19', source: 'dateline' });
    const [t] = parseArticle(text, { fileDate: '2024-01-05' }).value.stories;
    assert.equal(t!.date?.value, '2023-01-19');
  });

  it('prefers the caption date to a body date, and says it came from the caption', () => {
    const text = 'Talks resume in Geneva\n\nDelegates arrive at the UN offices in Geneva on March 4, 2024. (AFP)\n\nTalks resumed on Monday after a pause that began on February 1, 2024, diplomats said.\n';
    const [s] = parseArticle(text).value.stories;
    assert.deepEqual({ value: s!.date?.value, source: s!.date?.source }, { value: '2024-03-04', source: 'caption' });
  });

  it('reads a credit line without "By" above the date line as a byline', () => {
    const text = 'Govt, opposition agree to form committee on electoral reforms\n\nStaff Reporter\nPublished January 19, 2024 Updated about 2 hours ago\n\nISLAMABAD: The government and the opposition agreed on Thursday to form a committee, officials said.\n';
    assert.deepEqual(outline(text)[0]!.slice(0, 3), ['headline:Govt, opposition agree to form', 'byline:Staff Reporter', 'dateLine:Published January 19, 2024 Upd']);
  });

  it('dims the tag list under "Explore more on these topics"', () => {
    const text = 'Heatwave pushes Spanish reservoirs to lowest level\n\nSpain\'s reservoirs have fallen to their lowest level in almost 30 years, officials said.\n\nExplore more on these topics\nSpain\nDrought\nClimate crisis\nShare\n';
    assert.deepEqual(outline(text)[0]!.slice(2).map((k) => k.split(':')[0]), ['boilerplate', 'boilerplate', 'boilerplate', 'boilerplate', 'boilerplate']);
  });

  it('attributes a quote to the name in an apposition: "…," the minister, Jordi Serra, said', () => {
    const text = 'Heatwave pushes Spanish reservoirs to lowest level\n\n"We are living through the longest drought on record," the region\'s climate minister, Jordi Serra, said on Thursday. "Every litre counts."\n';
    const quotes = parseArticle(text).value.stories[0]!.quotes;
    assert.deepEqual(quotes.map((q) => [q.speaker, q.speakerInferred ?? false]), [['Jordi Serra', false], ['Jordi Serra', true]]);
    assert.equal(text.slice(quotes[0]!.speakerSpan!.start, quotes[0]!.speakerSpan!.end), 'Jordi Serra');
  });

  it('splits a digest of very short stories separated by two blank lines', () => {
    const text = 'Kenya launches digital ID drive\nUpdated 12 February 2024\nNairobi began registering citizens on Monday.\n\n\nGhana raises cocoa price\nUpdated 13 February 2024\nThe regulator raised the farmgate price.\n';
    const { value } = parseArticle(text);
    assert.deepEqual(value.stories.map((s) => [s.headline, s.date?.value]), [
      ['Kenya launches digital ID drive', '2024-02-12'],
      ['Ghana raises cocoa price', '2024-02-13'],
    ]);
  });

  it('reads a headline that looks like a dateline as the headline', () => {
    const text = 'IMF: Pakistan must raise taxes before next loan tranche\n\nUpdated 3 May 2024\n\nISLAMABAD: The International Monetary Fund said on Friday that Pakistan must widen its tax base.\n';
    const [s] = parseArticle(text).value.stories;
    assert.equal(s!.headline, 'IMF: Pakistan must raise taxes before next loan tranche');
    assert.equal(s!.place, 'ISLAMABAD');
  });
});
