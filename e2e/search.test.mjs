// End-to-end: searching the seed corpus in headless Chromium against the release build.
// Typing narrows the timeline and marks what matched; the URL holds the query, the order and the
// open article; the query language's filters, phrases and typo tolerance work in the page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { withServer } from "./support/server.mjs";
import { launch, openPage, gotoApp } from "./support/browser.mjs";

const KREMLIN = "2024-06-17-kremlin-confirms-putins-trip-to-north-korea";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Types `query` into the search box, replacing what is there, and waits for the count. */
async function search(page, query) {
  const box = page.locator("#search-input");
  await box.fill(query);
  await page.locator(".results-count").waitFor();
}

async function count(page) {
  return page.locator(".results-count").innerText();
}

// A user types a word: the timeline narrows to the matching article, the match is marked in
// its headline and excerpt, and the URL names the search. Back returns to the full timeline in
// one step, however many letters were typed.
test("typing a search narrows the timeline, marks matches, and is one history entry", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    assert.equal(await count(page), "5 articles");
    await page.locator("#search-input").pressSequentially("refugee ", { delay: 20 });
    await page.getByText("1 of 5 articles matches").waitFor();
    // The address follows the frame that shows the result.
    await page.waitForURL((address) => address.search === "?q=refugee+", { timeout: 5_000 });
    assert.equal(new URL(page.url()).search, "?q=refugee+");
    const entry = page.locator(".entry");
    assert.equal(await entry.count(), 1);
    assert.deepEqual(await entry.locator(".entry-headline mark").allInnerTexts(), ["Refugees"]);
    assert.ok((await entry.locator(".entry-excerpt mark").count()) >= 1, "the excerpt marks the match");

    await page.goBack();
    await page.getByText("5 articles", { exact: true }).waitFor();
    assert.equal(new URL(page.url()).search, "");
    assert.equal(await page.locator("#search-input").inputValue(), "");
    assert.equal(await page.locator(".entry").count(), 5);
    assert.deepEqual(page.errors, []);
  });
});

// A colleague opens a shared link: the same search, in best-match order, with the same article
// open and the matches marked in the reader. Switching to timeline order keeps the rest.
test("a shared search link reproduces query, order and open article with highlights", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, `${url}?q=putin+&sort=relevance&a=${KREMLIN}`);
    assert.equal(await page.locator("#search-input").inputValue(), "putin ");
    assert.equal(await count(page), "5 of 5 articles match");
    assert.equal(
      await page.locator(".entries.ranked .entry-headline").first().innerText(),
      "Kremlin Confirms Putin's Trip to North Korea",
    );
    assert.equal(await page.locator(".order-link[aria-current=true]").innerText(), "Best match");
    // No year headings in best-match order: each date says its year.
    const rankedDates = await page.locator(".entries.ranked .entry-date").allInnerTexts();
    assert.equal(rankedDates.length, 5);
    for (const date of rankedDates) assert.match(date, /^\d{1,2} [A-Z][a-z]{2}\s+20\d\d$/);
    const reader = page.locator(".reader article");
    assert.deepEqual(await reader.locator(".reader-headline mark").allInnerTexts(), ["Putin's"]);
    assert.ok((await reader.locator(".reader-body mark").count()) >= 3, "the reader marks every mention");

    await page.getByRole("link", { name: "Oldest first", exact: true }).click();
    await page.locator(".year-label").first().waitFor();
    // Under a year heading, a date is its day.
    assert.match(await page.locator(".entry-date").first().innerText(), /^\d{1,2} [A-Z][a-z]{2}$/);
    assert.equal(new URL(page.url()).search, `?q=putin+&a=${KREMLIN}`);
    assert.equal(await page.locator(".reader-headline mark").count(), 1);

    // Opening another result keeps the search.
    await page.locator(".entry-headline", { hasText: "Visa-Free" }).click();
    await page.locator(".reader-headline", { hasText: "Visa-Free" }).waitFor();
    assert.match(new URL(page.url()).search, /^\?q=putin\+&a=2014-10-29-/);
    assert.deepEqual(page.errors, []);
  });
});

// The query language works in the page: filters, dates, phrases, typos, aliases, and a clear
// word for what could not be used.
test("filters, dates, phrases, typos and aliases narrow the results", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    const cases = [
      ["person:putin", "4 of 5 articles match"],
      ["after:2020", "2 of 5 articles match"],
      ['"visa-free"', "1 of 5 articles matches"],
      ["vladivostock ", "3 of 5 articles match"],
      // Still being typed, with a typo: completes to Vladivostok.
      ["vladovo", "3 of 5 articles match"],
      ["dprk ", "5 of 5 articles match"],
      ["putin -kremlin", "3 of 5 articles match"],
      ["refugees OR lavrov", "2 of 5 articles match"],
      ["zzqx ", "0 of 5 articles match"],
    ];
    for (const [query, expected] of cases) {
      await search(page, query);
      await page.getByText(expected).waitFor({ timeout: 5_000 }).catch(() => {});
      assert.equal(await count(page), expected, `query ${query}`);
    }
    await search(page, "after:2020");
    assert.deepEqual(await page.locator(".year-label").allInnerTexts(), ["2024", "2025"]);
    await search(page, "dprk ");
    assert.ok((await page.locator(".entry-headline mark", { hasText: "North Korea" }).count()) >= 2);
    await search(page, "zzqx ");
    await page.locator(".no-results").waitFor();

    await search(page, "when:2019 putin");
    assert.match(await page.locator(".search-problems").innerText(), /“when:” is not a filter/);
    assert.deepEqual(page.errors, []);
  });
});

// The help popover lists the query language; "/" focuses the search box from anywhere.
test("search help opens as a popover and / focuses the search box", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    await page.getByRole("button", { name: "Search help" }).click();
    const help = page.locator("#search-help");
    await help.waitFor();
    assert.match(await help.innerText(), /person:putin/);
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "hidden" });
    await page.locator("body").click({ position: { x: 5, y: 300 } });
    await page.keyboard.press("/");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "search-input");
    assert.deepEqual(page.errors, []);
  });
});
