import * as assert from 'node:assert/strict';
import { alternativeAt, dateGrammar, type Alternative, type Grammar } from '../../core/recognize/dates/grammar';
import { alternativeWith, BareName, bareNameAt, deicticAt, MonthThen, monthNumberAt, onlyDayMonthAt, onlyYearAt } from '../../core/recognize/dates/shortcuts';

/** Asserts that at `at` the probe of `grammar` finds `only` or nothing, exactly when `only`'s own regex matches. */
function probeAgrees(grammar: Grammar, only: Alternative, text: string, at: number): void {
  const probed = alternativeAt(grammar, text, at);
  assert.ok(probed === undefined || probed === only, JSON.stringify(text));
  only.regex.lastIndex = at;
  assert.equal(only.regex.test(text), probed !== undefined, JSON.stringify(text));
}

/**
 * The scanner runs one alternative without the probe where a shortcut says
 * nothing else can match: checked against the probe over grids of what may
 * come before and after.
 */
describe('dates: shortcuts past the probe', () => {
  const digit = dateGrammar('digit');
  const word = dateGrammar('word');

  it('a year: gives what the probe gives wherever only the year can match', () => {
    const year = alternativeWith(digit, 'y');
    const nexts = ['', ' ', '  ', '\t', '\u00a0', ',', ';', ')', '.', '. ', '-', '–', '—', '/', ':', "'", '’', 's', 'x', '%', '$'];
    const words = ['', '-', '–', '—', '- 2011', ' 2011', '\u00a02011', 'x', 'to', 'to 2011', 'through 2012', 'thru', 'until 2013', 'till 2014', 'and 2015', '2016', '11', '-11', '/11/03', '.11.03', '-01-19', 'January', 'the', 'a', 'was', 'u', 'T', 'Q1', 'BC', 'AD', 'million', 'years ago'];
    const befores = ['', 'in ', 'mid-', '$', '#', 'from ', 'between ', ' ', '(', 'A'];
    let fast = 0;
    for (const y of ['1999', '2011', '2024', '1066', '2099']) {
      for (const b of befores) {
        for (const n of nexts) {
          for (const w of words) {
            const text = `${b}${y}${n}${w} more`;
            if (!onlyYearAt(text, b.length)) continue;
            fast++;
            probeAgrees(digit, year, text, b.length);
          }
        }
      }
    }
    assert.ok(fast > 1000, `${fast}`);
  });

  it('a full month or weekday name: gives what the probe gives wherever only the bare name can match', () => {
    const month = alternativeWith(word, 'mo');
    const weekday = alternativeWith(word, 'wd');
    const names = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
      'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'Jan', 'Jan.', 'Sept', 'Fri', 'Fri.', 'Mayor', 'MAY', 'Junes'];
    const nexts = ['', ' ', '  ', '\t', '\u00a0', ',', ', ', ',\u00a0', '.', '. ', ';', ':', '-', '–', '—', '/', "'", '’', ')', '"'];
    const words = ['', '3', '19th', '2024', "'73", 'the 3rd', 'the', 'to', 'to June', 'until', 'till May', 'through', 'thru', 'or', 'or June 2001', 'and', 'and June 2019', 'of', 'of 2020', "of '73",
      'last', 'last year', 'next week', 'this week', 'night', 'morning', 'evening', 'said', 'he', 'Jan', 'January 19', 'Feb. 3', 'President', 'a', 'u', 'in', 'at', 'when', 'as', 'x', '-'];
    const befores = ['', 'in ', 'on ', 'He said ', '(', 'late ', 'last ', 'the ', 'Theresa '];
    let fast = 0;
    for (const name of names) {
      for (const b of befores) {
        for (const n of nexts) {
          for (const w of words) {
            const text = `${b}${name}${n}${w} more`;
            const at = b.length;
            const kind = bareNameAt(text, at);
            if (kind === BareName.None) continue;
            fast++;
            probeAgrees(word, kind === BareName.Month ? month : weekday, text, at);
          }
        }
      }
    }
    assert.ok(fast > 10000, `${fast}`);
  });

  it('"today" and its kin: gives what the probe gives', () => {
    const dx = alternativeWith(word, 'dx');
    let fast = 0;
    for (const w of ['today', 'Today', 'tonight', 'Tonight', 'tomorrow', 'Tomorrow', 'yesterday', 'Yesterday', 'todays', "today's world", 'Tomorrowland', 'toda', 'tom', 'year', 'yes', 'Tuesday', 'the day', 'this morning', 'two days ago', 'TODAY']) {
      for (const after of ['', ' morning', ' evening', ',', '.', ' at noon', "'s", '-based']) {
        for (const before of ['', 'said ', 'later ', 'Earlier ', '(', 'USA ']) {
          const text = `${before}${w}${after} more`;
          if (!deicticAt(text, before.length)) continue;
          fast++;
          probeAgrees(word, dx, text, before.length);
        }
      }
    }
    assert.ok(fast > 300, `${fast}`);
  });

  it('a day number: gives what the probe gives wherever only the day-month alternative can match', () => {
    const dm = alternativeWith(digit, 'dmD');
    let fast = 0;
    for (const d of ['1', '3', '9', '19', '31', '39', '45', '07', '00']) {
      for (const b of ['', 'on ', 'Friday ', 'Friday, ', 'the ', 'from ', '$', '#', '(', "'", '3-']) {
        for (const n of ['', ' ', '  ', '\t', '\u00a0', 'st', 'th ', '/', '.', '-', ',', ' - ', ' to ']) {
          for (const w of ['January', 'Jan', 'Jan.', 'January 2024', 'January, 2024', 'Jan-2024', 'Sept', 'May', 'Mayor', 'Monday', 'Q1', 'A', 'Days ago', 'Quarter', 'January 20', 'days ago', 'to 5 January', '- 5 January', 'of January', '2024']) {
            const text = `${b}${d}${n}${w} more`;
            const at = b.length;
            if (!onlyDayMonthAt(text, at, d.length)) continue;
            fast++;
            probeAgrees(digit, dm, text, at);
          }
        }
      }
    }
    assert.ok(fast > 1000, `${fast}`);
  });

  it('a month and a number: where the month-day or month-year alternative matches, the probe chooses it', () => {
    const md = alternativeWith(word, 'mdM');
    const my = alternativeWith(word, 'myM');
    let checked = 0;
    for (const name of ['January', 'May', 'September', 'Jan', 'Sept.', 'Mayor', 'Monday']) {
      for (const blanks of ['', ' ', '  ', '\t', '\u00a0', ', ']) {
        for (const num of ['3', '19', '31', '45', '07', '3rd', '19th', '19_', '194', '2024', '1999', '20245', '300']) {
          for (const rest of ['', ',', ', 2024', ' 2024', '.', ' -', '-5', '–5', ' — 5', ' to 5', ' and 5', ' until 5', ' through 5', ' the', ' said', ' February', ' people', "'s"]) {
            const text = `in ${name}${blanks}${num}${rest} more`;
            const then = monthNumberAt(text, 3);
            if (then === MonthThen.None) continue;
            const candidate = then === MonthThen.Day ? md : my;
            candidate.regex.lastIndex = 3;
            if (!candidate.regex.test(text)) continue;
            checked++;
            assert.equal(alternativeAt(word, text, 3), candidate, JSON.stringify(text));
          }
        }
      }
    }
    assert.ok(checked > 500, `${checked}`);
  });
});
