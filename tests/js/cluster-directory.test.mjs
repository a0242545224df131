// Unit tests of the directory filter's pure part (no DOM): the row sets,
// selection and counts, text matching, the orders and the URL state.
// The browser side (cards, frames, history) is tests/test_directory_pages.py's
// and tests/test_browser.py's. Run with `make test-js` (node --test tests/js/).
//
// Every expected value is worked out from the fixture rows below, by the
// plain definitions in `expected*()`, not copied from the script's output.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const { fold, stem, RowSet, DirectoryModel } = require("../../content/assets/javascripts/cluster-directory.js");

// As hooks/clustersite/directory.py writes them: the first sort is the page's own (name) order.
const SORTS = [
  { key: "name", field: null, descending: false },
  { key: "founded", field: "founded", descending: false },
  { key: "members", field: "members", descending: true },
];
// The values the form offers (its checkboxes), in the data's facet order.
const FACETS = [
  { key: "sector", values: ["ict", "lasers", "food", "energy"] },
  { key: "county", values: ["vilnius", "kaunas", "siauliai", "utena"] },
];

// The search terms as the build writes them: each sector's and tag's name in
// both languages, folded; a row lists the numbers of its terms.
const TERMS = [
  "agroinovacijos ir maisto technologijos agri-innovation and food technologies",
  "irt ict",
  "lazeriai ir fotonika lasers and photonics",
  "energetika ir statyba energy and construction",
];
const TERM_OF = { food: 0, ict: 1, lasers: 2, energy: 3 };

// A row as the build writes it: its text folded, a facet with no value left out.
const row = (slug, { names, founded = null, members = null, sector = [], county = [] }) => {
  const values = {};
  if (sector.length) values.sector = sector;
  if (county.length) values.county = county;
  const terms = sector.filter((key) => key in TERM_OF).map((key) => TERM_OF[key]);
  return { slug, founded, members, text: fold(names.join(" ")), values, terms };
};

// In the page's (name) order.
const ROWS = [
  row("agro", { names: ["Agro inovacijos", "Kaunas"], founded: 2010, members: 12, sector: ["food"], county: ["kaunas"] }),
  row("baltic-lasers", { names: ["Baltijos lazeriai", "Vilnius"], founded: 2004, members: 30, sector: ["lasers", "ict"], county: ["vilnius"] }),
  row("data-valley", { names: ["Duomenų slėnis", "Vilnius"], members: 8, sector: ["ict"], county: ["vilnius"] }),
  row("solar", { names: ["Šiaulių saulė", "Šiauliai"], founded: 2015, sector: ["energy"], county: ["siauliai"] }),
  row("zalgiris-food", { names: ["Žalgirio maistas", "Kaunas"], founded: 2004, members: 30, sector: ["food", "ict"], county: ["kaunas"] }),
  row("no-county", { names: ["Be apskrities"], founded: 2019, members: 5, sector: ["ict"] }),
  // Its only sector is not one the form offers.
  row("space", { names: ["Kosmoso technologijos", "Vilnius"], founded: 2012, members: 12, sector: ["space"], county: ["vilnius"] }),
];

const model = (rows = ROWS) => new DirectoryModel(rows, FACETS, SORTS, TERMS);
const state = (facets = {}, q = "", sort = "name") => ({
  q,
  sort,
  facets: Object.fromEntries(FACETS.map(({ key }) => [key, facets[key] || []])),
});
// A set's rows, ascending (forEach promises no order: it goes from the top bit of each word).
const members = (set) => {
  const rows = [];
  set.forEach((r) => rows.push(r));
  return rows.sort((a, b) => a - b);
};
const slugsOf = (rows, set) => members(set).map((index) => rows[index].slug);
const facetOf = (m, key) => m.facets.find((facet) => facet.key === key);

// The definitions: a row is kept when every folded word of the query is in
// its text and, for each facet with a value the form offers checked, it has
// one of the checked values.
const offered = (key) => FACETS.find((facet) => facet.key === key).values;
// A word is kept by its stem; the stem is in the row's text or in the name of one of its terms.
const matchesText = (r, q) =>
  fold(q).split(/[\s,;]+/).filter(Boolean).map(stem)
    .every((word) => r.text.includes(word) || r.terms.some((term) => TERMS[term].includes(word)));
const matchesFacet = (r, key, wanted) => {
  const known = wanted.filter((value) => offered(key).includes(value));
  return known.length === 0 || known.some((value) => (r.values[key] || []).includes(value));
};
const expectedSlugs = (rows, s) =>
  rows.filter((r) => matchesText(r, s.q) && FACETS.every(({ key }) => matchesFacet(r, key, s.facets[key]))).map((r) => r.slug);
// A value's count: the rows it has among those the text and the other facets keep.
const expectedCount = (rows, s, key, value) =>
  rows.filter(
    (r) => matchesText(r, s.q) && (r.values[key] || []).includes(value)
      && FACETS.every((other) => other.key === key || matchesFacet(r, other.key, s.facets[other.key])),
  ).length;

const assertAgrees = (m, rows, s) => {
  assert.deepEqual(slugsOf(rows, m.select(s)), expectedSlugs(rows, s), JSON.stringify(s));
  for (const { key, values } of FACETS) {
    for (const value of values) {
      assert.equal(m.count(facetOf(m, key), value), expectedCount(rows, s, key, value), `${key}=${value} in ${JSON.stringify(s)}`);
    }
  }
};

const subsets = (values) => values.reduce((all, value) => all.concat(all.map((set) => [...set, value])), [[]]);

// RowSet

test("a RowSet spanning several words holds exactly the rows added, counted and listed in order", () => {
  const size = 70; // two full words and 6 bits of a third
  const rows = [0, 1, 31, 32, 33, 63, 64, 69];
  const set = new RowSet(size);
  assert.equal(set.count(), 0);
  for (const r of rows) set.add(r);
  assert.equal(set.count(), rows.length);
  for (let r = 0; r < size; r++) assert.equal(set.has(r), rows.includes(r), `row ${r}`);
  assert.deepEqual(members(set), rows);
  let visits = 0;
  set.forEach(() => visits++);
  assert.equal(visits, rows.length, "forEach visits each row once");
  set.remove(32);
  set.remove(31);
  assert.equal(set.count(), rows.length - 2);
  assert.equal(set.has(32), false);
  assert.equal(set.has(33), true);
});

test("a full RowSet holds every row below its size and none past it", () => {
  for (const size of [1, 31, 32, 33, 64, 70]) {
    const full = new RowSet(size, true);
    assert.equal(full.count(), size, `size ${size}`);
    assert.deepEqual(members(full), Array.from({ length: size }, (_, i) => i));
  }
});

test("RowSet and, or, copy and countWith are the set operations", () => {
  const size = 100;
  const evens = new RowSet(size);
  const threes = new RowSet(size);
  for (let r = 0; r < size; r++) {
    if (r % 2 === 0) evens.add(r);
    if (r % 3 === 0) threes.add(r);
  }
  const range = Array.from({ length: size }, (_, i) => i);
  const both = range.filter((r) => r % 2 === 0 && r % 3 === 0);
  const either = range.filter((r) => r % 2 === 0 || r % 3 === 0);
  assert.equal(evens.countWith(threes), both.length);
  const and = new RowSet(size).copy(evens).and(threes);
  const or = new RowSet(size).copy(evens).or(threes);
  assert.deepEqual(members(and), both);
  assert.deepEqual(members(or), either);
  assert.equal(evens.count(), size / 2, "copy() leaves its source alone");
});

// Filtering and counts

test("with no filter every row is kept and each value counts its rows", () => {
  const m = model();
  const s = state();
  assert.deepEqual(slugsOf(ROWS, m.select(s)), ROWS.map((r) => r.slug));
  for (const { key, values } of FACETS) {
    for (const value of values) {
      const having = ROWS.filter((r) => (r.values[key] || []).includes(value)).length;
      assert.equal(m.count(facetOf(m, key), value), having, `${key}=${value}`);
    }
  }
  assert.equal(m.count(facetOf(m, "county"), "utena"), 0, "a value no row has counts 0");
});

test("values within a facet are alternatives (OR)", () => {
  const m = model();
  const kept = slugsOf(ROWS, m.select(state({ county: ["vilnius", "kaunas"] })));
  const wanted = ROWS.filter((r) => ["vilnius", "kaunas"].some((c) => (r.values.county || []).includes(c))).map((r) => r.slug);
  assert.deepEqual(kept, wanted);
  assert.ok(kept.includes("agro") && kept.includes("baltic-lasers"), "a Kaunas and a Vilnius cluster are both kept");
  assert.ok(!kept.includes("no-county"), "a row without a county is left out once a county is chosen");
});

test("facets combine (AND), and a row with several values matches through any of them", () => {
  const m = model();
  const kept = slugsOf(ROWS, m.select(state({ sector: ["ict"], county: ["kaunas"] })));
  const wanted = ROWS.filter((r) => (r.values.sector || []).includes("ict") && (r.values.county || []).includes("kaunas"));
  assert.deepEqual(kept, wanted.map((r) => r.slug));
  assert.deepEqual(kept, ["zalgiris-food"]); // the fixture's one ICT cluster in Kaunas (its sectors: food and ICT)
});

test("a value's count is what it would leave given the other facets and the text, not its own facet", () => {
  const m = model();
  const s = state({ sector: ["ict"], county: ["vilnius"] });
  m.select(s);
  const county = facetOf(m, "county");
  // Kaunas' count ignores the county filter but keeps the sector one.
  const kaunasIct = ROWS.filter((r) => (r.values.county || []).includes("kaunas") && (r.values.sector || []).includes("ict"));
  assert.equal(m.count(county, "kaunas"), kaunasIct.length);
  const vilniusIct = ROWS.filter((r) => (r.values.county || []).includes("vilnius") && (r.values.sector || []).includes("ict"));
  assert.equal(m.count(county, "vilnius"), vilniusIct.length);
  const food = ROWS.filter((r) => (r.values.county || []).includes("vilnius") && (r.values.sector || []).includes("food"));
  assert.equal(m.count(facetOf(m, "sector"), "food"), food.length);
});

test("selection and every count agree with the definitions for every combination of filters", () => {
  const m = model(); // one model throughout: its text cache meets every kind of change
  const queries = ["", "vilnius", "kaunas", "ŠIAULIŲ", "lazer vilnius", "zzz"];
  let checked = 0;
  for (const q of queries) {
    for (const sector of subsets(["ict", "lasers", "food", "energy"])) {
      for (const county of subsets(["vilnius", "kaunas", "siauliai"])) {
        assertAgrees(m, ROWS, state({ sector, county }, q));
        checked++;
      }
    }
  }
  assert.equal(checked, queries.length * 16 * 8);
});

test("on a few hundred rows (many words per set) selection and counts agree with the definitions", () => {
  const sectors = offered("sector");
  const counties = offered("county");
  const rows = Array.from({ length: 250 }, (_, i) =>
    row(`c${i}`, {
      names: [`Klasteris ${i}`, i % 4 === 0 ? "Šiauliai" : "Vilnius", i % 5 === 0 ? "lazeriai" : "maistas"],
      founded: i % 9 === 0 ? null : 1990 + ((i * 7) % 30),
      members: i % 11 === 0 ? null : (i * 13) % 40,
      sector: sectors.filter((_, bit) => (i >> bit) & 1),
      county: i % 6 === 0 ? [] : [counties[i % counties.length]],
    }));
  const m = model(rows);
  for (const s of [
    state(),
    state({ sector: ["ict"] }),
    state({ sector: ["lasers", "energy"], county: ["kaunas", "utena"] }),
    state({}, "siauliai"),
    state({ county: ["vilnius"] }, "Šiauliai lazeriai"),
    state({ sector: ["food"] }, "klasteris 1"),
    state({ sector: ["food"] }, "klasteris 12"),
  ]) assertAgrees(m, rows, s);
});

test("a value the form does not offer selects nothing, on a row or in a state", () => {
  const m = model();
  const all = ROWS.map((r) => r.slug);
  // "space" is a row's sector but no checkbox's: that row is in no sector's set,
  // and choosing it (from a URL) filters nothing.
  assert.deepEqual(slugsOf(ROWS, m.select(state({ sector: ["space"] }))), all);
  assert.deepEqual(slugsOf(ROWS, m.select(state({ county: ["atlantis"] }))), all);
  const vilnius = ROWS.filter((r) => (r.values.county || []).includes("vilnius")).map((r) => r.slug);
  assert.deepEqual(slugsOf(ROWS, m.select(state({ county: ["atlantis", "vilnius"] }))), vilnius);
  assert.ok(!slugsOf(ROWS, m.select(state({ sector: ["ict", "lasers", "food", "energy"] }))).includes("space"));
});

test("select() returns a new set each time: an earlier result is not changed by a later change", () => {
  const m = model();
  const first = m.select(state({ county: ["kaunas"] }));
  const before = slugsOf(ROWS, first);
  m.select(state({ county: ["vilnius"] }, "lazer"));
  assert.deepEqual(slugsOf(ROWS, first), before);
});

// Text

test("fold() drops diacritics and case, as the build folds the rows' text", () => {
  assert.equal(fold("Šiauliai"), "siauliai");
  assert.equal(fold("ĄČĘĖĮŠŲŪŽ ąčęėįšųūž"), "aceeisuuz aceeisuuz");
  assert.equal(fold("Café MÜNCHEN"), "cafe munchen");
});

test("text search ignores diacritics both ways: 'siauliai' finds Šiauliai, 'ŠIAULIAI' too", () => {
  const m = model();
  const solar = ROWS.findIndex((r) => r.slug === "solar");
  for (const q of ["siauliai", "Šiauliai", "ŠIAULIAI", "  siaul  "]) {
    const kept = slugsOf(ROWS, m.select(state({}, q)));
    assert.ok(m.select(state({}, q)).has(solar), q);
    assert.deepEqual(kept, expectedSlugs(ROWS, state({}, q)), q);
  }
  assert.ok(m.select(state({}, "duomenu slenis")).has(ROWS.findIndex((r) => r.slug === "data-valley")));
});

test("every word of the query must occur in the row's text, anywhere in it", () => {
  const m = model();
  const kept = slugsOf(ROWS, m.select(state({}, "vilnius lazer")));
  assert.deepEqual(kept, ROWS.filter((r) => r.text.includes("vilnius") && r.text.includes("lazer")).map((r) => r.slug));
  assert.deepEqual(kept, ["baltic-lasers"]);
  assert.deepEqual(slugsOf(ROWS, m.select(state({}, "vilnius zzz"))), []);
  assert.equal(m.select(state({}, "   ")).count(), ROWS.length, "a blank query keeps every row");
});

test("typing on, deleting back and replacing the query give what a fresh search gives", () => {
  const m = model();
  const sequence = ["k", "ka", "kau", "kaunas", "kaunas a", "kaunas ag", "kaunas", "", "v", "vi", "vilnius", "lazeriai vilnius", "las", "la", "l"];
  for (const q of sequence) {
    const typed = slugsOf(ROWS, m.select(state({}, q)));
    assert.deepEqual(typed, slugsOf(ROWS, model().select(state({}, q))), q);
    assert.deepEqual(typed, expectedSlugs(ROWS, state({}, q)), q);
  }
});

test("stem() takes Lithuanian and English endings off, keeping at least three letters", () => {
  for (const word of ["lazeriai", "lazeriu", "lazerio", "lazeris", "lazerius", "lazeriuose"]) assert.equal(stem(word), "lazer", word);
  assert.equal(stem("maistas"), "maist");
  assert.equal(stem("maisto"), "maist");
  assert.equal(stem("lasers"), "laser");
  assert.equal(stem("technologies"), "technolog");
  assert.equal(stem("technologijos"), "technolog");
  assert.equal(stem("kaunas"), "kaun");
  assert.equal(stem("ict"), "ict");
  assert.equal(stem("bio"), "bio", "no stem shorter than three letters");
});

test("inflected forms and forms without diacritics find the same rows", () => {
  const m = model();
  const lasers = slugsOf(ROWS, m.select(state({}, "lazeriai")));
  assert.ok(lasers.includes("baltic-lasers"));
  for (const q of ["lazerių", "lazeriu", "Lazerius", "LAZERIAI"]) assert.deepEqual(slugsOf(ROWS, m.select(state({}, q))), lasers, q);
});

test("a word in the other language finds the rows of a term named so", () => {
  const m = model();
  // "maisto" is only in the term's Lithuanian name; "lasers" only in its English one.
  const food = ROWS.filter((r) => r.values.sector?.includes("food")).map((r) => r.slug);
  assert.deepEqual(slugsOf(ROWS, m.select(state({}, "maistas"))), food);
  assert.deepEqual(slugsOf(ROWS, m.select(state({}, "food"))), food);
  const lasers = ROWS.filter((r) => r.values.sector?.includes("lasers")).map((r) => r.slug);
  assert.deepEqual(slugsOf(ROWS, m.select(state({}, "lasers"))), lasers);
  assert.deepEqual(slugsOf(ROWS, m.select(state({}, "photonics"))), lasers);
});

// Orders

test("the first sort is the page's own order", () => {
  assert.deepEqual(model().order("name"), ROWS.map((_, i) => i));
});

test("sorting by founding year: oldest first, ties in page order, rows without a year last", () => {
  const byYear = model().order("founded").map((i) => ROWS[i].slug);
  // Array.prototype.sort is stable: ties keep the page order.
  const known = ROWS.filter((r) => r.founded != null).sort((a, b) => a.founded - b.founded);
  const unknown = ROWS.filter((r) => r.founded == null);
  assert.deepEqual(byYear, [...known, ...unknown].map((r) => r.slug));
  assert.equal(byYear.at(-1), "data-valley");
  assert.deepEqual(byYear.slice(0, 2), ["baltic-lasers", "zalgiris-food"]); // both 2004, in page order
});

test("sorting by members: most first, ties in page order, rows without a number last", () => {
  const byMembers = model().order("members").map((i) => ROWS[i].slug);
  const known = ROWS.filter((r) => r.members != null).sort((a, b) => b.members - a.members);
  const unknown = ROWS.filter((r) => r.members == null);
  assert.deepEqual(byMembers, [...known, ...unknown].map((r) => r.slug));
  assert.equal(byMembers.at(-1), "solar");
});

// URL state

test("the empty state is the default sort and nothing chosen, and its query is empty", () => {
  const m = model();
  assert.deepEqual(m.emptyState(), state());
  assert.equal(m.queryFromState(m.emptyState()), "");
  assert.deepEqual(m.stateFromQuery(""), state());
  assert.deepEqual(m.stateFromQuery("?"), state());
});

test("a query is read into a state", () => {
  const m = model();
  assert.deepEqual(
    m.stateFromQuery("?sector=ict&county=vilnius&county=kaunas&q=lazer&sort=founded"),
    state({ sector: ["ict"], county: ["vilnius", "kaunas"] }, "lazer", "founded"),
  );
});

test("state → query → state gives the state back", () => {
  const m = model();
  for (const s of [
    state({ sector: ["ict", "food"], county: ["vilnius"] }, "Šiaulių saulė", "founded"),
    state({ county: ["siauliai"] }, "", "members"),
    state({}, "a&b=c?d #e +f"),
    state({ sector: ["energy"] }),
  ]) {
    const query = m.queryFromState(s);
    assert.ok(query.startsWith("?"), query);
    assert.deepEqual(m.stateFromQuery(query), s, query);
  }
});

test("a query in the state's order (facets, then q, then sort) is written back unchanged", () => {
  const m = model();
  const query = "?sector=ict&county=vilnius&q=lazer&sort=founded";
  assert.equal(m.queryFromState(m.stateFromQuery(query)), query);
  // Another order of parameters reads the same and is written in that order.
  assert.equal(m.queryFromState(m.stateFromQuery("?sort=founded&q=lazer&county=vilnius&sector=ict")), query);
});

test("the query leaves out the default sort and a blank text, and trims the text", () => {
  const m = model();
  assert.equal(m.queryFromState(state({ county: ["kaunas"] }, "", "name")), "?county=kaunas");
  assert.equal(m.queryFromState(state({}, "   ")), "");
  assert.equal(new URLSearchParams(m.queryFromState(state({}, "  lazer  "))).get("q"), "lazer");
});

test("unknown parameters and an unknown sort in the URL are ignored", () => {
  const m = model();
  assert.deepEqual(m.stateFromQuery("?colour=red&page=2&constructor=x&__proto__=y"), state());
  assert.deepEqual(m.stateFromQuery("?sort=popularity"), state());
  assert.deepEqual(m.stateFromQuery("?sort="), state());
  assert.deepEqual(m.stateFromQuery("?sort=founded&sort=members"), state({}, "", "founded"), "the first sort given counts");
  assert.equal(m.queryFromState(m.stateFromQuery("?colour=red&sort=popularity&q=")), "");
});

test("an unknown facet value from the URL filters nothing, and a known one beside it still filters", () => {
  const m = model();
  const all = ROWS.map((r) => r.slug);
  assert.deepEqual(slugsOf(ROWS, m.select(m.stateFromQuery("?county=atlantis"))), all);
  assert.deepEqual(slugsOf(ROWS, m.select(m.stateFromQuery("?sector=<script>&sort=founded"))), all);
  const kaunas = ROWS.filter((r) => (r.values.county || []).includes("kaunas")).map((r) => r.slug);
  assert.deepEqual(slugsOf(ROWS, m.select(m.stateFromQuery("?county=atlantis&county=kaunas"))), kaunas);
});
