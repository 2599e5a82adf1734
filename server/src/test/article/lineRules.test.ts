import * as assert from 'node:assert/strict';
import { readDateLine } from '../../core/article/dateLines';
import { matchDatelinePlace } from '../../core/article/datelinePlace';
import { BOILERPLATE_ALTERNATIVES, classifyLine, isBareByline, SOURCE_ALTERNATIVES } from '../../core/article/lineKinds';
import { leadingPairs } from '../../core/article/leadPairs';
import { isCaptionLike, isHeadlineLike } from '../../core/article/heuristics';
import { findFirstDate } from '../../core/article/dates';

describe('article line rules', () => {
  describe('readDateLine', () => {
    const absolute: Array<[string, string]> = [
      ['Updated 10 January 2020', '2020-01-10'],
      ['Updated 07 January 2026', '2026-01-07'],
      ['Published 2024-01-19', '2024-01-19'],
      ['Jan. 3, 2024 5:10 PM', '2024-01-03'],
      ['Updated Jan. 3, 2024 5:10 PM EST', '2024-01-03'],
      ['Last updated: 19/01/2024 14:05 IST', '2024-01-19'],
      ['Friday 19 January 2024 14:30 GMT', '2024-01-19'],
      ['Published On 20 Feb 2024', '2024-02-20'],
      ['First published on Fri 19 Jan 2024 10.00 GMT', '2024-01-19'],
      ['2024-01-19T10:22:00Z', '2024-01-19'],
      ['Posted on March 4, 2024 by Metro Desk', '2024-03-04'],
      ['Published 19 Jan, 2024 06:27pm', '2024-01-19'],
      ['Jan 19, 2024 at 10:30 a.m. ET', '2024-01-19'],
      ['Published: 19 January 2024 | Updated: 20 January 2024', '2024-01-19'],
      ['Published January 19, 2024 Updated about 2 hours ago', '2024-01-19'],
      ['Updated: January 19, 2024 / 10:42 AM / CBS News', '2024-01-19'],
      ['Sept. 2, 2019', '2019-09-02'],
      ['12/03/2024', '2024-03-12'],
      ['03/13/2024', '2024-03-13'],
    ];
    for (const [line, iso] of absolute) {
      it(`reads "${line}" as ${iso}`, () => {
        const r = readDateLine(line);
        assert.equal(r?.kind, 'absolute');
        assert.equal(r?.kind === 'absolute' ? r.iso : '', iso);
      });
    }

    for (const line of ['Updated 14 sec ago', 'Updated 8 sec ago', '2 hours ago', 'Updated 1 hr ago', 'Updated 35 min ago', 'Updated 10:45 GMT', 'just now']) {
      it(`reads "${line}" as a date line without a day`, () => assert.equal(readDateLine(line)?.kind, 'relative'));
    }

    it('marks a date that is no calendar day as invalid', () => {
      assert.equal(readDateLine('Updated 31 February 2024')?.kind, 'invalid');
    });

    for (const line of ['Sent: Friday, January 19, 2024 10:22 AM', 'Meeting notes January 19, 2024', 'The meeting on January 19, 2024 was held in Geneva.', 'January 2024', 'Updated the rules on Friday', 'In 2024, prices rose', 'Follow', '']) {
      it(`does not take "${line}" for a date line`, () => assert.equal(readDateLine(line), undefined));
    }
  });

  describe('findFirstDate', () => {
    it('finds the caption date and its offset', () => {
      const s = 'Pakistani policemen stand guard in Islamabad on Sept. 2, 2019. (AFP/File photo)';
      const d = findFirstDate(s)!;
      assert.equal(d.iso, '2019-09-02');
      assert.equal(s.slice(d.index, d.index + d.length), 'Sept. 2, 2019');
    });
    it('skips impossible dates and dates without a year', () => {
      assert.equal(findFirstDate('on 30 February 2024 and on Jan. 3'), undefined);
    });
  });

  describe('matchDatelinePlace', () => {
    const cases: Array<[string, string, string]> = [
      ['ISLAMABAD: Foreign Minister Shah Mahmood Qureshi said', 'ISLAMABAD', 'ISLAMABAD:'],
      ['KARACHI, Pakistan — Police said on Monday', 'KARACHI, Pakistan', 'KARACHI, Pakistan —'],
      ['WASHINGTON (Reuters) - Top Democrats said', 'WASHINGTON', 'WASHINGTON (Reuters) -'],
      ['WASHINGTON, Jan 19 (Reuters) - Top Democrats said', 'WASHINGTON', 'WASHINGTON, Jan 19 (Reuters) -'],
      ['NEW DELHI: The national capital shivered', 'NEW DELHI', 'NEW DELHI:'],
      ['SÃO PAULO, Brazil (AP) — Metro workers ended', 'SÃO PAULO, Brazil', 'SÃO PAULO, Brazil (AP) —'],
      ['ZÜRICH (Reuters) - Swiss voters approved', 'ZÜRICH', 'ZÜRICH (Reuters) -'],
      ['KYIV, Ukraine (AP) — Ukraine’s air force said', 'KYIV, Ukraine', 'KYIV, Ukraine (AP) —'],
    ];
    for (const [line, place, part] of cases) {
      it(`reads the dateline of "${line.slice(0, 30)}…"`, () => {
        const m = matchDatelinePlace(line)!;
        assert.equal(m.place, place);
        assert.equal(line.slice(0, m.partLength), part);
      });
    }
    it('reads the date of a Reuters dateline', () => {
      const m = matchDatelinePlace('LONDON, Jan 19 (Reuters) - Oil prices held steady')!;
      assert.equal(m.dateText, 'Jan 19');
      assert.equal(m.dateIndex, 8);
    });
    for (const line of ['US officials said on Monday that talks would resume.', 'BREAKING: Talks collapse', 'The minister: we will talk', 'PM Kakar said: no', 'A: yes']) {
      it(`finds no dateline in "${line}"`, () => assert.equal(matchDatelinePlace(line), undefined));
    }
  });

  describe('classifyLine', () => {
    const cases: Array<[string, string]> = [
      ['Short Url', 'boilerplate'], ['Follow', 'boilerplate'], ['Follow us on: Facebook, Twitter', 'boilerplate'],
      ['Join our official telegram channel (@nationalherald) and stay updated', 'boilerplate'], ['Leave a Comment', 'boilerplate'],
      ['Advertisement', 'boilerplate'], ['Read more: Schools shut till Jan 20', 'boilerplate'], ['Share this article', 'boilerplate'],
      ['Sign up for our free morning newsletter', 'boilerplate'], ['12 Comments', 'boilerplate'], ['*', 'boilerplate'],
      ['Copyright 2024 The Associated Press. All rights reserved.', 'boilerplate'], ['Related Topics', 'boilerplate'],
      ['Follow Dawn on WhatsApp for the latest updates', 'boilerplate'], ['Explore more on these topics', 'boilerplate'], ['Reuse this content', 'boilerplate'],
      ['SOURCE:\u00a0AL JAZEERA AND NEWS AGENCIES', 'source'], ['(Reporting by Helen Marsh; Editing by Sonali Paul)', 'source'],
      ['(With inputs from agencies)', 'source'], ['By Daniel Okafor and Priya Raman', 'byline'], ['By MARTA KOVALENKO and JAMES WHITLOCK', 'byline'],
      ['• Pakistani FM had a telephonic conversation', 'bullet'], ['- a dash bullet item', 'bullet'], ['---', 'separator'], ['* * *', 'separator'],
      // Body sentences that start like boilerplate must stay body.
      ['Follow-up talks are planned for next week, officials said.', 'other'], ['Share prices fell 3% on Monday.', 'other'],
      ['Related to this, the minister said talks would resume.', 'other'], ['By the end of the year, prices had doubled.', 'other'],
      ['Source of the leak remains unknown, police said.', 'other'], ['Print media have struggled for years.', 'other'],
    ];
    for (const [line, kind] of cases) it(`classifies "${line.slice(0, 40)}" as ${kind}`, () => assert.equal(classifyLine(line), kind));
  });

  describe('isBareByline', () => {
    for (const line of ['Staff Reporter', 'Our Correspondent', 'Web Desk', 'Elena Ruiz in Madrid', 'Jane Doe and John Roe in New York', 'Reuters']) {
      it(`takes "${line}" for a credit line`, () => assert.ok(isBareByline(line)));
    }
    for (const line of ['The talks resumed on Monday.', 'Pakistan to conduct national security review amid standoff with Iran', 'in Madrid']) {
      it(`does not take "${line}" for a credit line`, () => assert.ok(!isBareByline(line)));
    }
  });

  describe('headline and caption shapes', () => {
    it('takes title-like lines for headlines, sentences and URLs not', () => {
      assert.ok(isHeadlineLike("Pakistan wants to 'work jointly' with Iraq for peace in Middle East"));
      assert.ok(isHeadlineLike('Iran-Pakistan: Two foreign ministers meet, Pak says ready to work with Iran on \'all issues\''));
      assert.ok(!isHeadlineLike('The situation in the region has been volatile since the strike.'));
      assert.ok(!isHeadlineLike('https://x.com/beyondfiles/status/2010444397163532547'));
      assert.ok(!isHeadlineLike('lowercase start is not a headline here'));
    });
    it('takes lines with photo credits for captions', () => {
      assert.ok(isCaptionLike('Pakistani policemen stand guard in Islamabad on Sept. 2, 2019. (AFP/File photo)'));
      assert.ok(isCaptionLike('People gather near rubble in the aftermath, on January 18, 2024 [Screengrab/Reuters]'));
      assert.ok(isCaptionLike('In this handout photo, General Mirza speaks during a meeting. (ISPR)'));
      assert.ok(isCaptionLike('Image caption, Fallen trees blocked a number of roads'));
      assert.ok(!isCaptionLike('The army said the strikes were proportionate (as it put it)'));
    });
  });

  describe('line-kind prefilters', () => {
    it('knows every alternative that does not open with two fixed letters', () => {
      // classifyLine lets these through by their own tests (a non-letter first
      // character, a one-character line, a line ending in `r`): a new one needs such a test too.
      assert.deepEqual(BOILERPLATE_ALTERNATIVES.filter((a) => leadingPairs(a) === undefined),
        ['\\*+', 'x', '.{0,60}\\bnewsletter\\s*$', '\\d+\\s*(?:min|mins|minutes?)\\s+read', '©.*']);
      assert.deepEqual(SOURCE_ALTERNATIVES.filter((a) => leadingPairs(a) === undefined).map((a) => a.charAt(0)), ['\\', '[']);
    });

    it('reads the openings of words, groups and optional prefixes', () => {
      assert.deepEqual(leadingPairs('short\\s*url'), ['sh']);
      assert.deepEqual(leadingPairs('(?:name|email)\\s*'), ['na', 'em']);
      assert.deepEqual(leadingPairs('(?:additional\\s+)?(?:reporting|writing)\\s+by'), ['ad', 're', 'wr']);
      assert.deepEqual(leadingPairs('\\(?\\d*\\)?\\s*comments?'), ['co']);
    });

    it('classifies lines the prefilters must let through', () => {
      for (const [line, kind] of [['X', 'boilerplate'], ['(3) Comments', 'boilerplate'], ['12 min read', 'boilerplate'], ['© 2024 Dawn', 'boilerplate'],
        ['Sign up for our daily newsletter', 'boilerplate'], ['The Morning Briefing newsletter', 'boilerplate'], ['*', 'boilerplate'], ['***', 'separator'],
        ['— AP', 'source'], ['(Reporting by Jane Doe; Editing by John Roe)', 'source'], ['With inputs from agencies', 'source'],
        ['BY JANE DOE', 'byline'], ['Words by Sam Lee', 'byline'], ['- - -', 'separator'], ['2 hours ago', 'other']] as const) {
        assert.equal(classifyLine(line), kind, line);
      }
      assert.deepEqual(readDateLine('Updated 2 HOURS AGO.'), { kind: 'relative', text: 'Updated 2 HOURS AGO.' });
    });
  });
});
