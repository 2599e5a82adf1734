import assert from 'node:assert/strict';
import { analyze } from '../../core/recognize/analysis';
import { defaultGazetteer } from '../../core/recognize/gazetteer';
import { findAcronymDefinitions } from '../../core/recognize/rules/acronyms';
import { suffixNames } from '../../core/recognize/rules/suffixes';
import { describedOrganizations } from '../../core/recognize/rules/descriptors';
import { titledPersons } from '../../core/recognize/rules/titles';
import { gazetteerNames } from '../../core/recognize/rules/gazetteerNames';
import { applyProductRules } from '../../core/recognize/rules/products';
import { applyProductContext } from '../../core/recognize/rules/productContext';
import { retypeLonePersons } from '../../core/recognize/rules/lonePersons';
import { defaultTaggerModel } from '../../core/recognize/tagger/defaultModel';
import { createRecognizer } from '../../core/recognize/recognizer';
import type { Proposal } from '../../core/recognize/candidates';

const gazetteer = defaultGazetteer();
const model = defaultTaggerModel().value;
const run = (text: string) => analyze(text, gazetteer, model);
const spanText = (text: string, a: ReturnType<typeof run>, p: { first: number; last: number }): string => text.slice(a.tokens.start[p.first], a.tokens.end[p.last]);
const recognizer = createRecognizer();
const mentions = (text: string) => recognizer.recognize(text).entities.map((m) => `${m.type}:${m.text}`);

describe('recognize/rules', () => {
  describe('titles', () => {
    it('finds the person after a multi-word title, across name glue', () => {
      const text = 'Caretaker Prime Minister Anwaar-ul-Haq Kakar chaired the meeting.';
      const a = run(text);
      const found = titledPersons(a).map((p) => [spanText(text, a, p), text.slice(a.tokens.start[p.phraseFirst], a.tokens.end[p.last])]);
      assert.deepEqual(found, [['Anwaar-ul-Haq Kakar', 'Caretaker Prime Minister Anwaar-ul-Haq Kakar']]);
    });

    it('chains abbreviated ranks ("Lt. Gen.")', () => {
      const text = 'military spokesperson Lt. Gen. Ahmed Sharif Chaudhry said';
      const a = run(text);
      assert.deepEqual(titledPersons(a).map((p) => spanText(text, a, p)), ['Ahmed Sharif Chaudhry']);
    });

    it('does not take an organisation head word for a name ("General Motors")', () => {
      const text = 'Shares of General Motors fell.';
      const a = run(text);
      assert.deepEqual(titledPersons(a).map((p) => spanText(text, a, p)), []);
      assert.ok(mentions(text).includes('organization:General Motors'));
    });
  });

  describe('titles that announce no one', () => {
    const titled = (text: string): string[] => {
      const a = run(text);
      return titledPersons(a).map((p) => spanText(text, a, p));
    };

    it('reads lower-case "major" and "general" as adjectives ("three major United States indexes")', () => {
      assert.deepEqual(titled('The three major Wall Street indexes fell.'), []);
      assert.deepEqual(titled('Most general Motors dealers stayed open.'), []);
      assert.deepEqual(titled('Major Tom Smith and General Asim Munir met.'), ['Tom Smith', 'Asim Munir']);
    });

    it('takes no country of several words for a name after a title ("the Minister United States officials")', () => {
      assert.deepEqual(titled('the Minister United States officials met'), []);
      assert.deepEqual(titled('the Minister Shah Mahmood met'), ['Shah Mahmood']);
    });
  });

  describe('head words', () => {
    it('makes organisations of names ending in Ministry, Committee, Party', () => {
      const text = 'The Foreign Ministry and the National Dialogue Committee met the Awami National Party.';
      const a = run(text);
      const found = suffixNames(a).map((p) => `${p.type}:${spanText(text, a, p)}`);
      assert.deepEqual(found, ['organization:Foreign Ministry', 'organization:National Dialogue Committee', 'organization:Awami National Party']);
    });

    it('knows the head words of industry names (Airplanes, Pharmaceuticals, Aerospace, Enterprises)', () => {
      const text = 'He heads Boeing Commercial Airplanes, and Teva Pharmaceuticals bought Kaman Aerospace from Hutchison Enterprises.';
      const a = run(text);
      assert.deepEqual(suffixNames(a).map((p) => `${p.type}:${spanText(text, a, p)}`),
        ['organization:Boeing Commercial Airplanes', 'organization:Teva Pharmaceuticals', 'organization:Kaman Aerospace', 'organization:Hutchison Enterprises']);
    });

    it('reads a side word and "Bank" as land, not a bank ("West Bank", "Left Bank")', () => {
      const text = 'Israel built a barrier in the West Bank, and artists live on the Left Bank near Deutsche Bank.';
      const a = run(text);
      // (A "West Bank" the tagger firmly reads as a place is left to it, with its confidence.)
      assert.deepEqual(suffixNames(a).map((p) => `${p.type}:${spanText(text, a, p)}`).filter((x) => !x.startsWith('location:West')), ['location:Left Bank', 'organization:Deutsche Bank']);
      assert.ok(mentions('Having personally visited the West Bank and Israel, I can say so.').includes('location:West Bank'));
    });

    it('extends over "of ..." and stops at a sentence-initial determiner', () => {
      const text = 'The Ministry of Foreign Affairs said so.';
      const a = run(text);
      assert.deepEqual(suffixNames(a).map((p) => spanText(text, a, p)), ['Ministry of Foreign Affairs']);
    });

    it('types the name before a lower-case place word as a place', () => {
      const text = 'an airstrike in Pakistan’s southwestern Balochistan province';
      const a = run(text);
      assert.deepEqual(suffixNames(a).map((p) => `${p.type}:${spanText(text, a, p)}`), ['location:Balochistan']);
    });

    it('makes events and indexes miscellaneous', () => {
      const text = 'the Dow Jones Industrial Average rose';
      assert.ok(recognizer.recognize(text).entities.some((m) => m.type === 'misc' && m.subtype === 'event' && m.text === 'Dow Jones Industrial Average'));
    });
  });

  describe('acronym definitions', () => {
    it('links "Tehreek-e-Taliban Pakistan (TTP)" skipping the -e- connector', () => {
      const text = 'militant groups, including the Tehreek-e-Taliban Pakistan (TTP) and others';
      const a = run(text);
      const defs = findAcronymDefinitions(a.tokens, a.gaz).map((d) => [text.slice(a.tokens.start[d.longFirst], a.tokens.end[d.longLast]), text.slice(a.tokens.start[d.short], a.tokens.end[d.short])]);
      assert.deepEqual(defs, [['Tehreek-e-Taliban Pakistan', 'TTP']]);
    });

    it('skips "for" and "and" in the long form', () => {
      const text = 'the Pakistan Institute for Conflict and Security Studies (PICSS) said';
      const a = run(text);
      const d = findAcronymDefinitions(a.tokens, a.gaz);
      assert.equal(d.length, 1);
      assert.equal(text.slice(a.tokens.start[d[0].longFirst], a.tokens.end[d[0].longLast]), 'Pakistan Institute for Conflict and Security Studies');
    });

    it('gives the acronym the long form as canonical name, also where it recurs', () => {
      const r = recognizer.recognize('The Tehreek-e-Taliban Pakistan (TTP) claimed it. Officials blamed the TTP again.');
      const ttp = r.entities.filter((m) => m.text === 'TTP');
      assert.equal(ttp.length, 2);
      for (const m of ttp) assert.equal(m.canonical, 'Tehreek-e-Taliban Pakistan');
    });

    it('ignores definitions whose letters do not match', () => {
      const text = 'the National Security Committee (PTI) met';
      const a = run(text);
      assert.deepEqual(findAcronymDefinitions(a.tokens, a.gaz), []);
    });
  });

  describe('descriptors', () => {
    const described = (text: string): string[] => {
      const a = run(text);
      return describedOrganizations(a).map((p) => `${p.type}:${spanText(text, a, p)}`);
    };

    it('types the name after a descriptor noun as an organisation ("automaker Chrysler", "flag carrier Aeroflot")', () => {
      assert.deepEqual(described('Fiat plans to buy a majority stake in automaker Chrysler this year.'), ['organization:Chrysler']);
      assert.deepEqual(described('Russian flag carrier Aeroflot has negotiated the purchase.'), ['organization:Aeroflot']);
      assert.deepEqual(described('The banned militant group Jaish al-Adl claimed the attack.'), ['organization:Jaish al-Adl']);
    });

    it('ignores capitalised descriptors, common words, people and line breaks', () => {
      assert.deepEqual(described('Network Rail said engineers were working.'), []);
      assert.deepEqual(described('Fiat Group SpA will run the company.'), []);
      assert.deepEqual(described('the firm Save the Children praised'), []);
      assert.deepEqual(described('the company founder said the group\nUpdated 3 May'), []);
    });

    it('takes a one-word tagger "person" after a descriptor, not a full name ("auto manufacturer Chrysler")', () => {
      // The tagger reads "Chrysler" here as a family name (B-PER alone).
      assert.deepEqual(described('The US auto manufacturer Chrysler asked for aid.'), ['organization:Chrysler']);
      assert.deepEqual(described('The company Bill Gates founded grew fast.'), []);
    });

    it('makes the rest of the story follow ("a stake in Chrysler" is the company too)', () => {
      const text = 'Fiat bought a stake in automaker Chrysler. Fiat now owns 52 percent of Chrysler.';
      assert.deepEqual(mentions(text).filter((m) => m.endsWith('Chrysler')), ['organization:Chrysler', 'organization:Chrysler']);
    });

    it('outweighs several place readings of the same name ("a stake in Chrysler" four times)', () => {
      const text = 'Fiat plans to buy majority stake in Chrysler\nFiat would own the six percent of automaker Chrysler that the US holds. '
        + 'That would give Fiat a 52 percent majority stake in Chrysler. It may buy the share in Chrysler held by the US. '
        + 'In 2009, Fiat bought a twenty percent stake in Chrysler.';
      assert.deepEqual(mentions(text).filter((m) => m.endsWith('Chrysler')), Array(5).fill('organization:Chrysler'));
    });
  });

  describe('places the head-word and lone-person rules must not take', () => {
    it('keeps "the occupied West Bank" a place while "the World Bank" stays an organisation', () => {
      const found = mentions('Israel approved land registration in the occupied West Bank, the World Bank said.');
      assert.ok(found.includes('location:West Bank'), found.join(', '));
      assert.ok(!found.includes('organization:West Bank'), found.join(', '));
      assert.ok(found.includes('organization:World Bank'), found.join(', '));
    });

    it('keeps a province a place when a group is named after it ("Balochistan" / "Balochistan Liberation Army")', () => {
      const text = 'Militant attacks rose in Balochistan last year. The Balochistan Liberation Army claimed the attack. Police in Balochistan said the Balochistan Liberation Army had planned it.';
      const found = mentions(text);
      assert.ok(found.includes('organization:Balochistan Liberation Army'), found.join(', '));
      assert.ok(!found.includes('organization:Balochistan'), found.join(', '));
    });

    it('reads "the Embassy of Pakistan in Baghdad" as an organisation, not a cut "Embassy of"', () => {
      const found = mentions('Nationals should remain in close contact with the Embassy of Pakistan in Baghdad.');
      assert.ok(found.includes('organization:Embassy of Pakistan'), found.join(', '));
      assert.ok(!found.some((m) => m.endsWith(':Embassy of')), found.join(', '));
    });

    it('types a known city acting as a government as the place ("Tehran said"), not an organisation', () => {
      const found = mentions('Islamabad said it had targeted separatist groups in Iran, while Tehran said its drones struck militants.');
      assert.ok(found.includes('location:Tehran'), found.join(', '));
      assert.ok(!found.some((m) => m.startsWith('organization:Tehran')), found.join(', '));
    });
  });

  describe('gazetteer, products, lone persons', () => {
    it('finds countries and nationality adjectives', () => {
      const text = 'Pakistani officials flew to Iraq.';
      const a = run(text);
      assert.deepEqual(gazetteerNames(a).map((p) => `${p.type}:${spanText(text, a, p)}`), ['misc:Pakistani', 'location:Iraq']);
      assert.ok(recognizer.recognize(text).entities.some((m) => m.subtype === 'nationality'));
    });

    it('turns a name followed by a model number into a product', () => {
      const text = 'the Airbus A380 landed';
      const a = run(text);
      const p: Proposal = { first: 1, last: 1, type: 'organization', confidence: 0.9, source: 'tagger' };
      const out = applyProductRules(a, [p]);
      assert.deepEqual(out.map((q) => [q.type, q.subtype, spanText(text, a, q)]), [['misc', 'product', 'Airbus A380']]);
    });

    describe('products and indices named by their context', () => {
      /** Runs the rule on one tagger proposal covering `name` in `text`. */
      const retyped = (text: string, name: string, type: Proposal['type'] = 'organization'): string => {
        const a = run(text);
        const start = text.indexOf(name);
        let first = -1;
        let last = -1;
        for (let i = 0; i < a.tokens.count; i++) {
          if (a.tokens.start[i] >= start && a.tokens.end[i] <= start + name.length) { if (first < 0) first = i; last = i; }
        }
        const [q] = applyProductContext(a, [{ first, last, type, confidence: 0.9, source: 'tagger' }]);
        return q.subtype ? `${q.type}/${q.subtype}` : q.type;
      };

      it('makes a name before a product noun a product ("MacBook Air laptops", "Mac OS X operating system")', () => {
        assert.equal(retyped('Apple unveils new MacBook Air laptops today', 'MacBook Air'), 'misc/product');
        assert.equal(retyped('a preview of the Mac OS X operating system', 'Mac OS X'), 'misc/product');
        assert.equal(retyped('the next model Falcon vehicles', 'Falcon'), 'misc/product');
      });

      it('makes a name before "index" or "industrial average" an index', () => {
        assert.equal(retyped('The FTSE index rose', 'FTSE'), 'misc/index');
        assert.equal(retyped('The Dow Jones industrial average finished higher', 'Dow Jones'), 'misc/index');
      });

      it('continues a product after a camel-case brand or a model number ("iPod Nano", "Boeing 787 Dreamliner")', () => {
        assert.equal(retyped('works with the iPod Nano and the Video version', 'Nano'), 'misc/product');
        const text = 'the purchase of 22 new Boeing 787 Dreamliners, an aircraft';
        const a = run(text);
        const model: Proposal = { first: 5, last: 6, type: 'misc', subtype: 'product', confidence: 0.7, source: 'tagger' };
        const out = applyProductContext(a, [model, { first: 7, last: 7, type: 'organization', confidence: 0.9, source: 'tagger' }]);
        assert.deepEqual(out.map((q) => `${q.subtype}:${spanText(text, a, q)}`), ['product:Boeing 787', 'product:Dreamliners']);
      });

      it('leaves places, known companies, full person names and line breaks alone', () => {
        assert.equal(retyped('the US car market rose', 'US', 'location'), 'location');
        assert.equal(retyped('computers will feature Intel processors', 'Intel'), 'organization');
        assert.equal(retyped('President Barack Obama jets off', 'Barack Obama', 'person'), 'person');
        assert.equal(retyped('Ford Motor Company vehicles', 'Ford Motor Company'), 'organization');
        assert.equal(retyped('They met Falcon\ncars were parked', 'Falcon'), 'organization');
        assert.equal(retyped('the Saturn brand', 'Saturn'), 'organization');
        assert.equal(retyped('two PIA aircraft were grounded', 'PIA'), 'organization');
      });
    });

    it('drops a place glued to a currency sign ("US$ 40")', () => {
      const text = 'worth US$ 40 billion';
      const a = run(text);
      assert.deepEqual(applyProductRules(a, [{ first: 1, last: 1, type: 'location', confidence: 0.9, source: 'tagger' }]), []);
    });

    it('retypes a one-word tagger person with no full name in the story', () => {
      const text = 'Chrysler said on Monday that sales fell. Imran Khan said Khan would wait.';
      const a = run(text);
      const props: Proposal[] = [
        { first: 0, last: 0, type: 'person', confidence: 0.8, source: 'tagger' },
        { first: 8, last: 9, type: 'person', confidence: 0.9, source: 'tagger' },
        { first: 11, last: 11, type: 'person', confidence: 0.8, source: 'tagger' },
      ];
      assert.deepEqual(retypeLonePersons(a, props).map((p) => `${p.type}:${spanText(text, a, p)}`), ['organization:Chrysler', 'person:Imran Khan', 'person:Khan']);
    });
  });

  describe('indexes and events', () => {
    it('spreads an index name to its shorter mentions and its acronym', () => {
      const r = recognizer.recognize('The Dow Jones Industrial Average (DJIA) fell 678 points. The Dow Jones was up 3.1% later.');
      const byText = new Map(r.entities.map((m) => [m.text, m]));
      assert.equal(byText.get('Dow Jones Industrial Average')?.type, 'misc');
      assert.equal(byText.get('DJIA')?.type, 'misc');
      assert.equal(byText.get('Dow Jones')?.type, 'misc');
    });
  });

  describe('vacuous spans', () => {
    it('drops offices, time zones and units that look like names', () => {
      const text = 'Joe Leonard, Chairman and Chief Operating Officer of AirTran, spoke at 16:08 UTC about 2 GHz chips.';
      const found = mentions(text);
      assert.ok(!found.some((m) => /Chief|UTC|GHz/.test(m)), found.join());
      assert.ok(found.includes('person:Joe Leonard'), found.join());
    });
  });

  describe('document consistency', () => {
    it('makes a bare surname a person once the full name is one', () => {
      const r = recognizer.recognize('Foreign Minister Jalil Abbas Jilani met envoys. Later, Jilani spoke to reporters in Islamabad.');
      const jilani = r.entities.find((m) => m.text === 'Jilani');
      assert.ok(jilani, 'Jilani is found');
      assert.equal(jilani.type, 'person');
      assert.equal(jilani.canonical, 'Jalil Abbas Jilani');
    });
  });
});
