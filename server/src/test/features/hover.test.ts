import * as assert from 'node:assert/strict';
import { computeHover, weekdayOf } from '../../core/features/hover';
import { analyseText } from '../index/handMade';
import { WorkspaceIndex } from '../../core/index/workspaceIndex';
import { A, assertSafeMarkdown, B, sampleIndex, testLink, TEXT_A, TEXT_B, unescapeMarkdown } from './sample';

describe('hover', () => {
  it('shows an entity with its names, counts, other stories newest first, sentences and co-mentions', () => {
    const index = sampleIndex();
    const at = TEXT_B.indexOf('Kakar spoke');
    const h = computeHover(index, B, at + 1, { link: testLink });
    assert.ok(h);
    assert.deepEqual(h.span, { start: TEXT_B.indexOf('Anwaar-ul-Haq Kakar spoke'), end: at + 5 });
    const md = unescapeMarkdown(h.markdown);
    assert.match(md, /^\*\*Anwaar-ul-Haq Kakar\*\* · person/);
    assert.match(md, /Also: Kakar/);
    assert.match(md, /Mentioned in 3 stories \(4 mentions\)\./);
    const restored = TEXT_A.indexOf('Anwaar-ul-Haq Kakar chaired');
    const strikes = TEXT_A.indexOf('Anwaar-ul-Haq Kakar called');
    const lines = md.split('\n').filter((l) => l.startsWith('- '));
    assert.deepEqual(lines, [
      `- 2024-01-19 · [Ties restored](${A}#${restored}-${restored + 19}) — “Anwaar-ul-Haq Kakar chaired the meeting.”`,
      `- 2024-01-18 · [Pakistan strikes back](${A}#${strikes}-${strikes + 19}) — “Caretaker Prime Minister Anwaar-ul-Haq Kakar called the meeting on Friday.”`,
    ]);
    assert.match(md, /\*\*Often with:\*\* Iran \(3\), Pakistan \(2\), Jalil Abbas Jilani \(1\), Tehran \(1\)/);
  });

  it('limits the other stories to the setting and says how many more', () => {
    const index = sampleIndex();
    const h = computeHover(index, B, TEXT_B.indexOf('Iran') + 1, { link: testLink, maxStories: 1 });
    const md = unescapeMarkdown(h?.markdown ?? '');
    assert.match(md, /- 2024-01-19 · \[Ties restored\]/);
    assert.match(md, /- … and 1 more story/);
  });

  it('shows a date with its weekday, its resolution and the other stories of the day', () => {
    const index = sampleIndex();
    const at = TEXT_A.indexOf('on Friday');
    const h = computeHover(index, A, at + 4, { link: testLink });
    assert.ok(h);
    assert.deepEqual(h.span, { start: at, end: at + 9 });
    const md = unescapeMarkdown(h.markdown);
    assert.match(md, /^\*\*2024-01-19\*\* · Friday/);
    assert.match(md, /Resolved from “on Friday” \(weekday-before:2024-01-19\); the story is dated 2024-01-18 \(from its “Updated” line\)\./);
    const second = TEXT_A.indexOf('on Friday', at + 1);
    assert.match(md, new RegExp(`- \\[Ties restored\\]\\(${A}#${second}-${second + 9}\\) — published that day; mentions “on Friday”`));
  });

  it('shows the analyst annotations and notes', () => {
    const index = sampleIndex();
    const k = TEXT_A.indexOf('Kakar left');
    index.setAnnotations(A, [
      { id: 'a-1', start: k, end: k + 5, type: 'person', entity: 'Anwaar-ul-Haq Kakar', note: 'Caretaker PM until March 2024', author: 'sara', updated: '2024-02-01T10:00:00Z', status: 'exact' },
      { id: 'a-2', start: 0, end: 10, type: 'claim', note: 'Disputed [by](command:x) Iran', status: 'exact' },
    ]);
    const md = unescapeMarkdown(computeHover(index, A, k + 1, { link: testLink })?.markdown ?? '');
    assert.match(md, /· person · confirmed by an analyst/);
    assert.match(md, /\*\*Analyst notes:\*\*\n\n- Caretaker PM until March 2024 — sara, 2024-02-01 \(\[open\]/);
    assert.match(md, /\*\*Annotation\*\* · person · linked to Anwaar-ul-Haq Kakar/);
    const claim = computeHover(index, A, 5, { link: testLink });
    assert.ok(claim);
    assert.match(claim.markdown, /Disputed \\\[by\\\]\\\(command\\:x\\\) Iran/);
  });

  it('returns undefined where there is nothing to say', () => {
    const index = sampleIndex();
    assert.equal(computeHover(index, A, TEXT_A.indexOf('called'), { link: testLink }), undefined);
    assert.equal(computeHover(index, 'file:///nope', 0, { link: testLink }), undefined);
  });

  it('names weekdays', () => {
    assert.equal(weekdayOf('2024-01-19'), 'Friday');
    assert.equal(weekdayOf('2024-01'), undefined);
    assert.equal(weekdayOf('2024-13-45'), undefined);
    assert.equal(weekdayOf('2023-02-29'), undefined);
  });
});

describe('hover escaping on a hostile article', () => {
  it('never lets article text form links, commands, HTML or markup', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const hostileText = fs.readFileSync(path.resolve(__dirname, '../../../../test-fixtures/workspace/hostile/hostile-markup.article'), 'utf8');
    const H = 'file:///ws/hostile/hostile-markup.article';
    // One story covering the file, headline = first line, dated by its Updated line.
    const base = analyseText(hostileText);
    const firstLine = hostileText.indexOf('\n');
    const hostile = {
      ...base,
      stories: [{ index: 0, start: 0, end: hostileText.length, headline: hostileText.slice(0, firstLine), headlineSpan: { start: 0, end: firstLine }, date: { value: '2024-01-25', source: 'dateLine' as const } }],
      entities: base.entities.map((m) => ({ ...m, story: 0 })),
    };
    const index = new WorkspaceIndex({ analyze: (uri, text) => (uri === H ? hostile : analyseText(text)) });
    index.set(H, hostileText, 1);
    index.set(B, TEXT_B, 1);
    index.setAnnotations(H, [{ id: 'a-x', start: 0, end: 4, type: '<b>claim</b>', entity: 'Iran', note: '[pwn](command:workbench.action.terminal.new)\n# big\n<img src=x>', author: '`me`', status: 'exact' }]);

    const hovers = [
      computeHover(index, B, TEXT_B.indexOf('Iran') + 1, { link: testLink }),
      computeHover(index, B, TEXT_B.indexOf('Kakar spoke') + 1, { link: testLink }),
      computeHover(index, H, 1, { link: testLink }),
    ];
    for (const h of hovers) {
      assert.ok(h);
      assertSafeMarkdown(h.markdown);
    }
    // The hostile headline and sentence are shown, as text.
    assert.match(unescapeMarkdown(hovers[0]!.markdown), /\[Iran \[click\]\(command:workbench\.action\.terminal\.new\) <img src=x onerror=alert\(1\)> \*\*Kakar\*\* `rm -rf ~`\]\(file:\/\/\/ws\/hostile/);
  });
});
