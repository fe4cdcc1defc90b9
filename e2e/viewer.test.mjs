// End-to-end: the viewer's flows in headless Chromium against the release build: facets with live
// counts, the histogram brush and month fields, Back and Forward, shared links in a fresh browser,
// the keyboard walk into the reader, chips and related articles, copy link, export files, the
// print briefing, notices for garbled links, a phone-width layout, and an axe-core audit.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { withServer } from "./support/server.mjs";
import { launch, openPage, gotoApp, audit } from "./support/browser.mjs";

const KIM_2019 = "2019-03-25-north-koreas-kim-may-visit-russia-to-meet";

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const count = (page) => page.locator(".results-count").innerText();
const headlines = (page) => page.locator(".timeline .entry-headline").allInnerTexts();
const search = (page) => new URL(page.url()).search;

/** The facet value's row: its checkbox and its count. */
function facetValue(page, facet, label) {
  const row = page.locator(`.facet[data-facet=${facet}] .facet-value`, {
    has: page.locator(".facet-label", { hasText: new RegExp(`^${label}$`) }),
  });
  return { checkbox: row.locator("input"), count: row.locator(".facet-count") };
}

// Ticking a facet value narrows the list, writes the URL, and recounts the other facets; a
// second value of the same facet widens it again (values of one facet are alternatives).
test("facets narrow the timeline, recount, and live in the URL", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    assert.equal(await facetValue(page, "person", "Vladimir Putin").count.innerText(), "4");

    await facetValue(page, "outlet", "The Moscow Times").checkbox.check();
    await page.getByText("3 of 5 articles match").waitFor();
    assert.equal(search(page), "?outlet=the-moscow-times");
    // Other facets follow; the outlet facet itself still offers the other outlets.
    assert.equal(await facetValue(page, "person", "Vladimir Putin").count.innerText(), "2");
    assert.equal(await facetValue(page, "outlet", "WIC News").count.innerText(), "1");

    await facetValue(page, "outlet", "WIC News").checkbox.check();
    await page.getByText("4 of 5 articles match").waitFor();
    assert.equal(search(page), "?outlet=the-moscow-times%2Cwic-news");

    await facetValue(page, "person", "Kim Jong Un").checkbox.check();
    await page.getByText("2 of 5 articles match").waitFor();
    assert.deepEqual(await headlines(page), [
      "North Korea’s Kim may visit Russia to meet Putin",
      "Kremlin Confirms Putin's Trip to North Korea",
    ]);

    // Find a value in a long facet.
    await page.getByLabel("Find in places").fill("vladi");
    assert.deepEqual(await page.locator(".facet[data-facet=place] .facet-label").allInnerTexts(), ["Vladivostok"]);

    await page.getByRole("button", { name: "Clear all" }).click();
    await page.getByText("5 articles", { exact: true }).waitFor();
    assert.equal(search(page), "");
    assert.deepEqual(page.errors, []);
  });
});

// Dragging across the histogram sets the date range; clicking a bar picks one month; the month
// fields do the same from the keyboard; the histogram keeps its context while the list narrows.
test("the histogram brush, a bar click and the month fields set the date range", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await gotoApp(page, url);
    const chart = page.locator(".histogram-chart");
    const box = await chart.boundingBox();
    const bars = await chart.locator(".bar").count();
    const xOf = (index) => box.x + ((index + 0.5) / bars) * box.width;
    const y = box.y + box.height / 2;
    // The axis starts in October 2014: bar 15 is January 2016, bar 62 is December 2019.
    await page.mouse.move(xOf(15), y);
    await page.mouse.down();
    await page.mouse.move(xOf(40), y, { steps: 5 });
    await page.mouse.move(xOf(62), y, { steps: 5 });
    await page.mouse.up();
    await page.getByText("2 of 5 articles match").waitFor();
    assert.equal(search(page), "?from=2016-01&to=2019-12");
    assert.equal(await page.locator("#range-from").inputValue(), "2016-01");
    assert.equal(await chart.locator(".bar:not(.outside)").count(), 48);

    // One click on the March 2019 bar (index 53) picks that month.
    await page.mouse.click(xOf(53), y);
    await page.getByText("1 of 5 articles matches").waitFor();
    assert.equal(search(page), "?from=2019-03&to=2019-03");

    // The keyboard alternative. A month is shown in days, and the fields take days; the years
    // then chosen are shown in months, and the fields take months again.
    assert.equal(await page.locator("#range-to").getAttribute("type"), "date");
    await page.locator("#range-to").fill("2025-12-31");
    await page.locator('#range-from[type="month"]').fill("2024-01");
    await page.getByText("2 of 5 articles match").waitFor();
    assert.equal(search(page), "?from=2024-01&to=2025-12");
    await page.getByRole("button", { name: "All dates" }).click();
    await page.getByText("5 articles", { exact: true }).waitFor();
    assert.deepEqual(page.errors, []);
  });
});

// Each change is one history entry; Back and Forward restore the exact view, and a reload keeps it.
test("Back and Forward restore each view, and reload keeps it", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    await facetValue(page, "person", "Kim Jong Un").checkbox.check();
    await page.getByText("3 of 5 articles match").waitFor();
    await page.getByRole("link", { name: "Newest first" }).click();
    await page.locator(".order-link[aria-current=true]", { hasText: "Newest first" }).waitFor();
    const newest = await headlines(page);
    assert.equal(newest[0], "Preparations in Progress for Kim Jong-un's Upcoming Visit to Russia");
    await page.locator(".entry-headline", { hasText: "Kim may visit" }).click();
    await page.locator(".reader-headline", { hasText: "Kim may visit" }).waitFor();
    const full = search(page);
    assert.equal(full, `?person=kim-jong-un&sort=newest&a=${KIM_2019}`);

    await page.goBack();
    await page.locator(".reader-empty").waitFor({ state: "attached" });
    assert.equal(search(page), "?person=kim-jong-un&sort=newest");
    await page.goBack();
    await page.locator(".order-link[aria-current=true]", { hasText: "Oldest first" }).waitFor();
    assert.equal(await headlines(page).then((h) => h.at(-1)), newest[0]);
    await page.goBack();
    await page.getByText("5 articles", { exact: true }).waitFor();
    assert.equal(await facetValue(page, "person", "Kim Jong Un").checkbox.isChecked(), false);

    await page.goForward();
    await page.goForward();
    await page.goForward();
    await page.locator(".reader-headline", { hasText: "Kim may visit" }).waitFor();
    assert.equal(search(page), full);
    assert.deepEqual(await headlines(page), newest);

    await page.reload();
    await page.locator(".reader-headline", { hasText: "Kim may visit" }).waitFor();
    assert.deepEqual(await headlines(page), newest);
    assert.equal(await facetValue(page, "person", "Kim Jong Un").checkbox.isChecked(), true);
    assert.deepEqual(page.errors, []);
  });
});

// A link with search, facets, dates and order opened in a brand-new browser context shows the
// same results in the same order as where it was copied.
test("a shared view opens identically in a fresh browser", async () => {
  await withServer("/", async ({ url }) => {
    const link = `${url}?q=russia&place=vladivostok&from=2016-01&sort=relevance`;
    const first = await openPage(browser);
    await gotoApp(first, link);
    const seen = { count: await count(first), headlines: await headlines(first) };
    assert.equal(seen.count, "2 of 5 articles match");
    const fresh = await openPage(browser);
    await gotoApp(fresh, link);
    assert.deepEqual({ count: await count(fresh), headlines: await headlines(fresh) }, seen);
    assert.equal(await fresh.locator("#search-input").inputValue(), "russia");
    assert.equal(await facetValue(fresh, "place", "Vladivostok").checkbox.isChecked(), true);
    assert.equal(await fresh.locator("#range-from").inputValue(), "2016-01");
    assert.deepEqual([...first.errors, ...fresh.errors], []);
  });
});

// Keyboard only: j/k move through the results, Enter opens, the first match is in view, Esc
// closes and returns to the same entry; Tab reaches the controls with a visible focus ring.
test("a keyboard-only walk through the results into the reader and back", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await gotoApp(page, `${url}?q=vladivostok`);
    const focused = () => page.evaluate(() => document.activeElement?.dataset.slug ?? null);
    await page.keyboard.press("j");
    const first = await focused();
    assert.ok(first, "j focuses the first result");
    await page.keyboard.press("j");
    const second = await focused();
    assert.notEqual(second, first);
    await page.keyboard.press("k");
    assert.equal(await focused(), first);
    await page.keyboard.press("ArrowDown");
    assert.equal(await focused(), second);
    await page.keyboard.press("Enter");
    await page.locator(".reader-headline").waitFor();
    assert.equal(search(page), `?q=vladivostok&a=${second}`);
    const mark = page.locator(".reader-body mark").first();
    await mark.waitFor();
    assert.ok(await mark.evaluate((m) => {
      const r = m.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }), "the first match is scrolled into view");
    await page.keyboard.press("Escape");
    await page.locator(".reader-empty").waitFor({ state: "attached" });
    assert.equal(await focused(), second, "focus returns to the entry");

    // Tab moves on from the search box to the next control, with a visible focus ring.
    await page.locator("#search-input").focus();
    await page.keyboard.press("Tab");
    const ring = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement);
      return { tag: document.activeElement.tagName, outline: s.outlineStyle, width: s.outlineWidth };
    });
    assert.equal(ring.tag, "BUTTON");
    assert.equal(ring.outline, "solid");
    assert.equal(ring.width, "3px");
    assert.deepEqual(page.errors, []);
  });
});

// The reader's entity chips add a filter, and it lists related articles that open in place.
test("reader chips filter the timeline and related articles open", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
    await gotoApp(page, `${url}?a=${KIM_2019}`);
    const related = page.locator(".related li a");
    // They are ranked in a task after the article's first frame.
    await related.first().waitFor();
    assert.ok((await related.count()) >= 2, "related articles are listed");
    const target = await related.first().innerText();
    await related.first().click();
    await page.locator(".reader-headline", { hasText: target }).waitFor();

    const chip = page.locator(".reader .entity-row", { has: page.locator("dt", { hasText: "People" }) }).locator(".chip").first();
    const person = await chip.innerText();
    await chip.click();
    await page.waitForURL(/person=/);
    assert.equal(await chip.getAttribute("aria-pressed"), "true");
    assert.equal(await facetValue(page, "person", person).checkbox.isChecked(), true);
    assert.match(await count(page), /of 5 articles/);
    assert.deepEqual(page.errors, []);
  });
});

// Copy link puts the view's address on the clipboard; Export downloads files whose rows are
// the visible results in the visible order, each with the permalink.
test("copy link and export files match the view", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(url).origin });
    await gotoApp(page, `${url}?person=vladimir-putin&sort=newest`);
    await page.getByRole("button", { name: "Copy link" }).click();
    await page.getByText("Link copied").waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());

    const visible = await headlines(page);
    const slugs = await page.locator(".timeline .entry-link").evaluateAll((ls) => ls.map((l) => l.dataset.slug));
    const exported = async (format) => {
      await page.locator(".export summary").click();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator(`.export-menu button[data-format=${format}]`).click(),
      ]);
      assert.equal(download.suggestedFilename(), `dateline-view.${format}`);
      return readFile(await download.path(), "utf8");
    };
    const json = JSON.parse(await exported("json"));
    assert.equal(json.permalink, page.url());
    assert.deepEqual(json.articles.map((a) => a.headline), visible);
    assert.deepEqual(json.articles.map((a) => a.slug), slugs);
    assert.equal(json.articles[0].permalink, `${page.url()}&a=${slugs[0]}`);

    const csv = (await exported("csv")).trim().split("\r\n");
    assert.equal(csv[0], "headline,outlet,date,url,slug,permalink,note");
    assert.equal(csv.length, visible.length + 1);
    csv.slice(1).forEach((row, i) => assert.ok(row.includes(`,${slugs[i]},`), row));

    const md = await exported("md");
    assert.ok(md.includes(page.url()), "the Markdown names the view");
    const ris = await exported("ris");
    assert.equal(ris.match(/^TY {2}- NEWS/gm).length, visible.length);
    assert.deepEqual(page.errors, []);
  });
});

// Printing shows a briefing: what the view is and its link at the top, no controls.
test("the print stylesheet prints the view as a briefing", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, `${url}?q=visa&person=vladimir-putin`);
    await page.emulateMedia({ media: "print" });
    const header = page.locator(".print-header");
    assert.ok(await header.isVisible());
    assert.match(await header.innerText(), /search “visa” · person: Vladimir Putin/);
    assert.match(await header.innerText(), /\?q=visa&person=vladimir-putin/);
    for (const control of [".search", ".facets", ".histogram", ".view-actions"]) {
      assert.equal(await page.locator(control).isVisible(), false, control);
    }
    assert.ok(await page.locator(".timeline .entry-headline").first().isVisible());
    assert.deepEqual(page.errors, []);
  });
});

// A garbled link shows the page with a notice saying what was ignored; it can be dismissed.
test("a link with unknown values shows the page with a dismissible notice", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, `${url}?person=nobody,vladimir-putin&from=2019-13&sort=loudest`);
    const notice = page.locator(".notice");
    assert.match(await notice.innerText(), /person “nobody”/);
    assert.match(await notice.innerText(), /“2019-13”/);
    assert.match(await notice.innerText(), /“loudest”/);
    assert.equal(await count(page), "4 of 5 articles match", "the known filter still applies");
    await page.getByRole("button", { name: "Dismiss" }).click();
    await notice.waitFor({ state: "detached" });
    assert.deepEqual(page.errors, []);
  });
});

// At 360 px the page fits without sideways scrolling; the filters fold behind a button.
test("the page is usable at 360 px wide", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser, { viewport: { width: 360, height: 740 } });
    await gotoApp(page, url);
    const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= 360);
    assert.ok(await fits(), "no sideways scroll");
    const toggle = page.getByRole("button", { name: "Filters" });
    assert.equal(await page.locator(".facet-panel").isVisible(), false);
    await toggle.click();
    assert.equal(await toggle.getAttribute("aria-expanded"), "true");
    await facetValue(page, "outlet", "WIC News").checkbox.check();
    await page.getByText("1 of 5 articles matches").waitFor();
    await page.locator(".entry-headline").first().click();
    await page.locator(".reader-headline").waitFor();
    assert.ok(await fits(), "the reader fits too");
    assert.deepEqual(page.errors, []);
  });
});

// axe-core finds nothing in light and dark mode, with the reader closed and open.
test("axe-core finds no accessibility violations in light and dark, reader closed and open", async () => {
  await withServer("/", async ({ url }) => {
    for (const colorScheme of ["light", "dark"]) {
      for (const query of ["?q=putin", `?q=putin&person=kim-jong-un&a=${KIM_2019}`]) {
        const page = await openPage(browser, { colorScheme, viewport: { width: 1280, height: 800 } });
        await gotoApp(page, url + query);
        assert.deepEqual(await audit(page), [], `${colorScheme} ${query}`);
        assert.deepEqual(page.errors, []);
        await page.context().close();
      }
    }
  });
});
