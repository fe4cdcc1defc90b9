// End-to-end: comparing two periods, in headless Chromium against the release build of the seed
// corpus. A link with `vs=` shows the comparison (the words and people that rose, with their
// article counts checked against the corpus's own files), each row a link that narrows the
// timeline to it with the comparison kept; "Compare periods" starts one from the default view
// (the last twelve months against the twelve before), the period compared against can be the
// one before or any other, the histogram shades it, and closing it leaves the view as it was.
// A garbled `vs=` shows a notice; the comparison prints without its controls; axe finds nothing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { withServer } from "./support/server.mjs";
import { launch, openPage, gotoApp, audit } from "./support/browser.mjs";

const CORPUS = resolve(import.meta.dirname, "../corpus");
// The three articles of 2019–2025 against the two of 2014–2016.
const COMPARED = "?from=2019-01&to=2025-12&vs=2014-01..2016-12";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** How many of the corpus's files in each period use a word (any of `forms`), read from the files
 *  themselves: the oracle the page's counts are checked against. */
async function articlesUsing(pattern, periods) {
  const counts = periods.map(() => 0);
  for (const name of await readdir(CORPUS)) {
    if (!name.endsWith(".txt")) continue;
    const text = await readFile(join(CORPUS, name), "utf8");
    const meta = await readFile(join(CORPUS, name.replace(/\.txt$/, ".meta.toml")), "utf8");
    const year = Number(/^published = (\d{4})/m.exec(meta)[1]);
    periods.forEach(([from, to], i) => {
      if (year >= from && year <= to && pattern.test(text)) counts[i] += 1;
    });
  }
  return counts;
}

/** The rows of one table of the comparison: [name, count here, count there, score]. */
async function rows(page, group, caption) {
  const table = page.locator(".comparison-group", { has: page.locator("h3", { hasText: group }) }).locator(`table.${caption}`);
  return table.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.innerText.trim())));
}

test("a link with a comparison shows what rose, counted as the corpus's files count it", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url + COMPARED);
    const section = page.locator(".comparison");
    await section.waitFor();
    assert.equal(await section.locator("h2").innerText(), "2019–2025 against 2014–2016");
    assert.match(await section.locator(".comparison-summary").innerText(), /^3 articles in 2019–2025 against 2 in 2014–2016\./);
    // The timeline lists the view's own period; the comparison narrows nothing.
    assert.equal(await page.locator(".results-count").innerText(), "3 of 5 articles match");

    const words = await rows(page, "Words", "rose");
    const visit = words.find(([word]) => word === "visit");
    assert.ok(visit, `"visit" rose: ${JSON.stringify(words)}`);
    const expected = await articlesUsing(/\bvisit(s|ed|ing)?\b/i, [[2019, 2025], [2014, 2016]]);
    assert.deepEqual(visit.slice(1, 3).map(Number), expected);
    assert.deepEqual(expected, [3, 0]);
    // log-likelihood of 3 of 3 against 0 of 2: 2 (3 ln 5/3 + 2 ln 5/2) = 6.73.
    assert.equal(visit[3], "+6.7");
    // Strongest first.
    const scores = words.map((w) => Number(w[3].replace("−", "-")));
    assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
    const people = await rows(page, "People", "rose");
    assert.deepEqual(people[0], ["Kim Jong Un", "3", "0", "+6.7"]);
    // Nothing fell: there is no such table.
    assert.equal(await section.locator("table.fell").count(), 0);

    // The period compared against is shaded on the histogram, outside the view's range.
    const bars = page.locator(".histogram-chart .bar");
    const shaded = await bars.evaluateAll((all) => all.map((b, i) => [i, b.classList.contains("compared")]).filter(([, c]) => c).map(([i]) => i));
    // The axis starts with the corpus, in October 2014: October 2014 to December 2016.
    assert.equal(shaded.length, 27);
    assert.deepEqual(page.errors, []);
  });
});

test("a word or a person in the comparison narrows the timeline to it, comparison kept", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url + COMPARED);
    // The links follow the view: another order, which leaves the comparison as it was, is kept.
    await page.getByRole("link", { name: "Newest first" }).click();
    await page.waitForURL(/sort=newest/);
    await page.locator(".comparison").getByRole("link", { name: "visit", exact: true }).click();
    await page.waitForURL(/q=visit/);
    const query = new URL(page.url()).searchParams;
    assert.equal(query.get("q"), "visit");
    assert.equal(query.get("sort"), "newest");
    assert.equal(query.get("vs"), "2014-01..2016-12");
    assert.equal(query.get("from"), "2019-01");
    // The search finds the articles the comparison counted in this period.
    assert.equal(await page.locator(".results-count").innerText(), "3 of 5 articles match");
    assert.equal(await page.locator("#search-input").inputValue(), "visit");
    // The comparison follows the search: no article of the other period uses the word.
    await page.locator(".comparison-summary").getByText("No article of this view is from 2014–2016").waitFor();

    await page.goBack();
    await page.locator(".comparison").getByRole("link", { name: "Kim Jong Un" }).click();
    await page.waitForURL(/person=kim-jong-un/);
    assert.equal(new URL(page.url()).searchParams.get("vs"), "2014-01..2016-12");
    assert.equal(await page.locator(".results-count").innerText(), "3 of 5 articles match");
    assert.deepEqual(page.errors, []);
  });
});

test("Compare periods starts from the last year, against the one before or another, and closes", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    const toggle = page.locator(".compare-toggle");
    assert.equal(await toggle.getAttribute("aria-pressed"), "false");
    await toggle.click();
    // The corpus ends in March 2025: its last twelve months against the twelve before.
    await page.waitForURL(/vs=before/);
    let query = new URL(page.url()).searchParams;
    assert.deepEqual([query.get("from"), query.get("to")], ["2024-04", "2025-03"]);
    assert.equal(await toggle.getAttribute("aria-pressed"), "true");
    const section = page.locator(".comparison");
    assert.equal(await section.locator("h2").innerText(), "April 2024 – March 2025 against April 2023 – March 2024");
    assert.match(await section.locator(".comparison-summary").innerText(), /No article of this view is from April 2023 – March 2024/);
    const before = section.getByRole("button", { name: "The period before" });
    assert.equal(await before.getAttribute("aria-pressed"), "true");

    // Another period: from January 2014 (its end stays March 2024).
    await section.getByLabel("From").fill("2014-01");
    await page.waitForURL(/vs=2014-01..2024-03/);
    assert.equal(await before.getAttribute("aria-pressed"), "false");
    assert.match(await section.locator(".comparison-summary").innerText(), /^2 articles in April 2024 – March 2025 against 3 in January 2014 – March 2024\./);

    await before.click();
    await page.waitForURL(/vs=before/);
    await section.getByRole("button", { name: "Close the comparison" }).click();
    await section.waitFor({ state: "detached" });
    query = new URL(page.url()).searchParams;
    assert.equal(query.get("vs"), null);
    // The range it chose stays: closing the comparison changes nothing else.
    assert.equal(query.get("from"), "2024-04");
    await toggle.click();
    await page.waitForURL(/vs=before/);
    await toggle.click();
    await section.waitFor({ state: "detached" });
    assert.deepEqual(page.errors, []);
  });
});

test("a garbled comparison shows a notice; a comparison prints without its controls", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url + "?vs=last-year");
    assert.match(await page.locator(".notice").innerText(), /compares with “last-year”/);
    assert.equal(await page.locator(".comparison").count(), 0);

    await gotoApp(page, url + COMPARED);
    await page.emulateMedia({ media: "print" });
    const section = page.locator(".comparison");
    assert.ok(await section.isVisible());
    assert.ok(await section.locator("table.rose").first().isVisible());
    assert.equal(await section.locator(".comparison-against").isVisible(), false);
    assert.equal(await section.getByRole("button", { name: "Close the comparison" }).isVisible(), false);
    assert.deepEqual(page.errors, []);
  });
});

test("axe-core finds no violations in the comparison, light and dark", async () => {
  await withServer("/", async ({ url }) => {
    for (const colorScheme of ["light", "dark"]) {
      const page = await openPage(browser, { colorScheme });
      await gotoApp(page, url + COMPARED);
      await page.locator(".comparison table").first().waitFor();
      assert.deepEqual(await audit(page), [], colorScheme);
      await page.context().close();
    }
  });
});
