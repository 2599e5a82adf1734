import * as assert from 'node:assert/strict';
import { parseArticle } from '../../core/article/parseArticle';
import { TEST_FILE_DATE, readArticle } from './helpers';

/**
 * Hand-checked facts about the five real scraped files: how many stories,
 * each headline, each reference date and where it came from.
 */
const EXPECTED: Record<string, Array<{ headline: string; date: string; source: string; place?: string }>> = {
  '000_7d1f51ccce8b1f59.txt': [
    { headline: "Pakistan wants to 'work jointly' with Iraq for peace in Middle East", date: '2020-01-10', source: 'dateLine', place: 'ISLAMABAD' },
    { headline: 'Pakistan’s Balochistan establishes threat assessment center amid surge in militant attacks', date: '2020-01-10', source: 'previousStory', place: 'ISLAMABAD' },
  ],
  '001_500e4bc84070cb8b.txt': [
    { headline: 'Pakistan, Iraq discuss enhancing bilateral defense and security cooperation', date: '2024-08-20', source: 'dateLine', place: 'ISLAMABAD' },
    { headline: 'Pakistani politicians urge dialogue with Imran Khan’s party as PM offers talks', date: '2026-01-07', source: 'dateLine', place: 'ISLAMABAD' },
  ],
  '002_83a65fe50b011b24.txt': [
    { headline: 'Pakistan to conduct national security review amid standoff with Iran', date: '2024-01-18', source: 'caption' },
  ],
  '003_c9e9359c00811df7.txt': [
    { headline: "Iran-Pakistan: Two foreign ministers meet, Pak says ready to work with Iran on 'all issues'", date: TEST_FILE_DATE, source: 'fileTime' },
  ],
  '004_b505b468b55779a5.txt': [
    { headline: 'Pakistan to restore diplomatic relations with Iran after tit-for-tat strikes — PM Kakar’s office', date: '2024-01-19', source: 'dateLine', place: 'ISLAMABAD' },
    { headline: 'Pakistan condemns Israel’s contentious move to approve land registration in West Bank', date: '2024-01-19', source: 'previousStory', place: 'ISLAMABAD' },
  ],
};

describe('parseArticle on the five real samples', () => {
  for (const [file, stories] of Object.entries(EXPECTED)) {
    describe(file, () => {
      const text = readArticle(file);
      const { value, problems } = parseArticle(text, { fileDate: TEST_FILE_DATE });

      it(`finds ${stories.length} stor${stories.length === 1 ? 'y' : 'ies'} with the right headlines`, () => {
        assert.deepEqual(value.stories.map((s) => s.headline), stories.map((s) => s.headline));
      });

      it('gives each story the right reference date and source', () => {
        assert.deepEqual(
          value.stories.map((s) => s.date && { value: s.date.value, source: s.date.source }),
          stories.map((s) => ({ value: s.date, source: s.source })),
        );
      });

      it('reads the dateline place', () => {
        assert.deepEqual(value.stories.map((s) => s.place), stories.map((s) => s.place));
      });

      it('says with an info problem when a date was borrowed', () => {
        const borrowed = stories.filter((s) => s.source === 'previousStory' || s.source === 'fileTime').length;
        const notes = problems.filter((p) => p.code === 'article.date-from-previous-story' || p.code === 'article.date-from-file-time');
        assert.equal(notes.length, borrowed);
        assert.ok(notes.every((p) => p.severity === 'info'));
      });

      it('keeps parts in order, inside their story, without overlap', () => {
        for (const s of value.stories) {
          let last = s.start;
          for (const p of s.parts) {
            assert.ok(p.start >= last && p.end > p.start && p.end <= s.end, `${p.kind} ${p.start}-${p.end}`);
            last = p.end;
          }
        }
      });
    });
  }

  it('treats the repeated headline as one story with one headline, marking the repeat', () => {
    const text = readArticle('000_7d1f51ccce8b1f59.txt');
    const first = parseArticle(text).value.stories[0]!;
    const heads = first.parts.filter((p) => p.kind === 'headline');
    assert.equal(heads.length, 2);
    assert.equal(heads[0]!.repeated, undefined);
    assert.equal(heads[1]!.repeated, true);
    assert.deepEqual(first.headlineSpan, { start: heads[0]!.start, end: heads[0]!.end });
  });

  it('classifies the Arab News header: caption, Short Url, date line, Follow, bullets, dateline', () => {
    const text = readArticle('004_b505b468b55779a5.txt');
    const kinds = parseArticle(text).value.stories[0]!.parts.slice(0, 10).map((p) => p.kind);
    assert.deepEqual(kinds, ['headline', 'caption', 'boilerplate', 'dateLine', 'boilerplate', 'headline', 'bullet', 'bullet', 'dateline', 'paragraph']);
  });

  it('finds the standfirst, the caption and the closing boilerplate of the Al Jazeera sample', () => {
    const text = readArticle('002_83a65fe50b011b24.txt');
    const parts = parseArticle(text).value.stories[0]!.parts;
    const of = (k: string): string[] => parts.filter((p) => p.kind === k).map((p) => text.slice(p.start, p.end));
    assert.match(of('standfirst')[0]!, /^Meeting of top military/);
    assert.match(of('caption')[0]!, /\[Screengrab\/Reuters\]$/);
    assert.deepEqual(of('source'), ['SOURCE:\u00a0AL JAZEERA AND NEWS AGENCIES']);
    assert.deepEqual(of('boilerplate'), ['Leave a Comment', 'Your email address will not be published. Required fields are marked *', '*', '*']);
  });

  it('finds sub-headings inside the body', () => {
    const t1 = readArticle('001_500e4bc84070cb8b.txt');
    const t3 = readArticle('003_c9e9359c00811df7.txt');
    const subs = (t: string): string[] => parseArticle(t).value.stories.flatMap((s) => s.parts).filter((p) => p.kind === 'subheading').map((p) => t.slice(p.start, p.end));
    assert.deepEqual(subs(t1), ['‘CHANGED FACES’']);
    assert.deepEqual(subs(t3), ['Fears of escalation and wider instability']);
  });

  it('attributes quotes to the speakers their sentences name', () => {
    const text = readArticle('001_500e4bc84070cb8b.txt');
    const quotes = parseArticle(text).value.stories[1]!.quotes;
    const speakerOf = (start: string): string | undefined => quotes.find((q) => text.slice(q.start, q.end).startsWith(start))?.speaker;
    assert.equal(speakerOf('“The prime objective'), 'Ismail');
    assert.equal(speakerOf('“Let us create'), 'Ismail');
    assert.equal(speakerOf('“I came here'), 'Amir Khan');
    assert.equal(speakerOf('“For dialogue'), 'PTI leader Azhar Leghari');
    const follow = quotes.find((q) => text.slice(q.start, q.end).startsWith('“At the moment'))!;
    assert.equal(follow.speaker, 'Ismail');
    assert.equal(follow.speakerInferred, true);
  });

  it('attributes straight-quoted speech and `said X` forms', () => {
    const t3 = readArticle('003_c9e9359c00811df7.txt');
    const q3 = parseArticle(t3).value.stories[0]!.quotes;
    assert.equal(q3.find((q) => t3.slice(q.start, q.end).startsWith('"Pakistan\'s sovereignty'))?.speaker, 'Amirabdollahian');
    const t2 = readArticle('002_83a65fe50b011b24.txt');
    const q2 = parseArticle(t2).value.stories[0]!.quotes;
    const dujarric = q2.find((q) => t2.slice(q.start, q.end).startsWith('“underlines'))!;
    assert.equal(dujarric.speaker, 'UN spokesperson Stephane Dujarric');
    assert.equal(t2.slice(dujarric.speakerSpan!.start, dujarric.speakerSpan!.end), 'UN spokesperson Stephane Dujarric');
  });
});
