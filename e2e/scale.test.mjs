// End-to-end: the page at a size where rendering every row would show, 2,000 synthetic articles.
// Only the rows near the viewport are in the DOM, with spacers keeping the page's height; rows,
// facet values and histogram bars that stay in the view across a change are kept, not rebuilt;
// j walks past the first screen; printing renders every row; Back restores the list.
//
// scripts/test.sh builds the page into target/e2e-scale/dist (scripts/build-bench-page.sh).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { withServer } from "./support/server.mjs";
import { launch, openPage, gotoApp } from "./support/browser.mjs";

const ROOT = resolve(import.meta.dirname, "../target/e2e-scale/dist");
const ARTICLES = 2000;
/** More entries than this in the DOM means the list is not windowed. */
const AT_MOST = 150;

let browser;
before(async () => {
  assert.ok(
    existsSync(`${ROOT}/index.html`),
    `${ROOT}/index.html is missing: scripts/test.sh builds it (scripts/build-bench-page.sh target/e2e-scale/dist ${ARTICLES})`,
  );
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

async function withScalePage(body, query = "") {
  await withServer(
    "/",
    async ({ url }) => {
      const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
      await gotoApp(page, `${url}${query}`);
      await body({ page, url });
      assert.deepEqual(page.errors, []);
    },
    { root: ROOT },
  );
}

const entries = (page) => page.locator(".timeline .entry-link").count();
const nextFrame = (page) => page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0))));

test("only the rows near the viewport are rendered, and the page keeps the whole list's height", async () => {
  await withScalePage(async ({ page }) => {
    assert.equal(await page.locator(".results-count").innerText(), `${ARTICLES} articles`);
    const rendered = await entries(page);
    assert.ok(rendered > 10 && rendered <= AT_MOST, `${rendered} entries in the DOM`);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    assert.ok(height > ARTICLES * 40, `the page is ${height} px tall for ${ARTICLES} entries`);

    // Scrolled to the end, the last entries are there and the first are gone.
    const first = await page.locator(".entry-link").first().getAttribute("data-slug");
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForFunction(
      (first) => !document.querySelector(`.entry-link[data-slug="${first}"]`),
      first,
    );
    await nextFrame(page);
    const atEnd = await entries(page);
    assert.ok(atEnd > 0 && atEnd <= AT_MOST, `${atEnd} entries in the DOM at the end`);
    // The last entry rendered is the last entry of the timeline: its bottom is near the page's.
    const gap = await page.evaluate(() => {
      const links = document.querySelectorAll(".timeline .entry-link");
      const last = links[links.length - 1].getBoundingClientRect().bottom + window.scrollY;
      return document.querySelector(".timeline").getBoundingClientRect().bottom + window.scrollY - last;
    });
    assert.ok(gap < 200, `the last rendered entry ends ${gap} px above the timeline's end`);
  });
});

test("a change keeps the rows, facet values and bars that stay in the view", async () => {
  await withScalePage(async ({ page }) => {
    // Narrowing to the first single entry's outlet keeps that entry near the top: its element
    // must survive the change, as must the bars and the facet values still shown.
    const first = page.locator(".timeline .entry:not(.cluster) > .entry-link").first();
    const outlet = await first.locator(".entry-outlet").textContent();
    await first.evaluate((link) => {
      window.__kept = {
        entry: link,
        bar: document.querySelector(".histogram-chart rect.bar"),
        facet: document.querySelector('.facet[data-facet="year"] .facet-value'),
      };
    });
    await page
      .locator('.facet[data-facet="outlet"] .facet-value')
      .filter({ has: page.locator(".facet-label", { hasText: outlet }) })
      .locator("input")
      .check();
    await page.locator(".results-count").filter({ hasText: /match/ }).waitFor();
    const kept = await page.evaluate(() => ({
      entry: window.__kept.entry.isConnected,
      bar: window.__kept.bar === document.querySelector(".histogram-chart rect.bar"),
      facet: window.__kept.facet.isConnected,
    }));
    assert.deepEqual(kept, { entry: true, bar: true, facet: true });
  });
});

test("j walks through the results past the first screen, and k back", async () => {
  await withScalePage(async ({ page }) => {
    const rendered = await entries(page);
    const seen = [];
    for (let i = 0; i < rendered + 20; i++) {
      await page.keyboard.press("j");
      // An entry outside the rendered rows gets focus once it is rendered, in the next frame.
      await nextFrame(page);
      seen.push(await page.evaluate(() => document.activeElement?.dataset.slug));
    }
    assert.equal(new Set(seen).size, seen.length, "every j reaches a new entry");
    assert.ok(seen.every(Boolean), "focus stays on an entry");
    assert.ok((await entries(page)) <= AT_MOST, "the window moved instead of growing");
    await page.keyboard.press("k");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.slug), seen[seen.length - 2]);
  });
});

test("printing renders every row, and the window returns after", async () => {
  await withScalePage(async ({ page }) => {
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await page.waitForFunction((n) => document.querySelectorAll(".timeline .entry-link").length >= n, ARTICLES * 0.9, {
      timeout: 60_000,
    });
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
    await page.waitForFunction((n) => document.querySelectorAll(".timeline .entry-link").length <= n, AT_MOST, {
      timeout: 60_000,
    });
  });
});

test("opening an article deep in the list and going Back keeps the place", async () => {
  await withScalePage(async ({ page }) => {
    await page.evaluate(() => window.scrollTo(0, 20_000));
    await page.waitForFunction(() => {
      const link = document.querySelector(".timeline .entry-link");
      return link && link.getBoundingClientRect().top < 0;
    });
    await nextFrame(page);
    // An entry in the middle of the window, as a reader scrolling down would click.
    const slug = await page.evaluate(() =>
      [...document.querySelectorAll(".timeline .entry-link")]
        .find((l) => l.getBoundingClientRect().top > innerHeight / 3)
        .getAttribute("data-slug"),
    );
    const scrolled = await page.evaluate(() => scrollY);
    await page.locator(`.entry-link[data-slug="${slug}"]`).click();
    await page.locator(".reader-headline").waitFor();
    // The reader opens beside the list, where the reader is: the page does not jump to the top.
    assert.ok(Math.abs((await page.evaluate(() => scrollY)) - scrolled) < 400, "the page stays where it was");
    assert.ok(await page.locator(".reader-headline").isVisible());
    assert.match(page.url(), new RegExp(`a=${slug}`));
    assert.equal(await page.locator(`.entry-link.open[data-slug="${slug}"]`).count(), 1);
    await page.goBack();
    await page.waitForFunction(() => !new URL(location.href).searchParams.has("a"));
    assert.equal(await page.locator(`.entry-link[data-slug="${slug}"]`).count(), 1, "the entry is still rendered");
  });
});

/** The slug of the focused entry. */
const focused = (page) => page.evaluate(() => document.activeElement?.dataset.slug);
/** The slugs of the rendered entries (not the members folded inside a cluster), in page order. */
const renderedEntries = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll(".timeline .entry-link")].filter((l) => !l.closest(".cluster-members")).map((l) => l.dataset.slug),
  );
/** How many articles the view lists, from its count line ("172 of 2000 articles match"). */
const listed = async (page) => Number((await page.locator(".results-count").innerText()).split(" ")[0]);

test("j walks from the first result to the last of a long list, and k back to the first", async () => {
  await withScalePage(async ({ page }) => {
    const articles = await listed(page);
    assert.ok(articles > 100, `the view lists ${articles} articles`);
    const first = (await renderedEntries(page))[0];
    // The list's last entry: the last rendered once scrolled to the bottom.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await nextFrame(page);
    await nextFrame(page);
    const last = (await renderedEntries(page)).pop();
    await page.evaluate(() => window.scrollTo(0, 0));
    await nextFrame(page);
    // Each key's target may be rendered a frame later (the window moves to it): wait for focus
    // to move before the next key, as a person sees it move.
    const seen = [];
    let slug;
    while (slug !== last) {
      assert.ok(seen.length < articles, `j went past ${articles} entries without reaching ${last}`);
      await page.keyboard.press("j");
      slug = await movedFocus(page, slug);
      seen.push(slug);
    }
    assert.equal(seen[0], first);
    assert.equal(new Set(seen).size, seen.length, "every j reaches a new entry");
    assert.ok((await entries(page)) <= AT_MOST, "the window moved instead of growing");
    // Past the last entry, j stays on it.
    await page.keyboard.press("j");
    await nextFrame(page);
    await nextFrame(page);
    assert.equal(await focused(page), last);
    const back = [];
    for (let i = 1; i < seen.length; i++) {
      await page.keyboard.press("k");
      slug = await movedFocus(page, slug);
      back.push(slug);
    }
    assert.deepEqual(back, seen.slice(0, -1).reverse(), "k retraces every entry");
    assert.equal(await focused(page), first);
  }, "?year=2019");
});

/** Waits until focus is on an entry other than `from`, and gives its slug. */
async function movedFocus(page, from) {
  await page.waitForFunction(
    (from) => {
      const slug = document.activeElement?.dataset.slug;
      return slug && slug !== from;
    },
    from ?? null,
    { timeout: 10_000 },
  );
  return focused(page);
}

test("a link to an article deep in a long list shows its entry in view", async () => {
  await withScalePage(async ({ page, url }) => {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await nextFrame(page);
    await nextFrame(page);
    const deep = (await renderedEntries(page)).at(-3);
    const other = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await gotoApp(other, `${url}?a=${deep}`);
    await other.locator(".reader-headline").waitFor();
    const entry = other.locator(`.entry-link.open[data-slug="${deep}"]`);
    await entry.waitFor();
    await other.waitForFunction(
      (slug) => {
        const box = document.querySelector(`.entry-link[data-slug="${slug}"]`).getBoundingClientRect();
        return box.top >= 0 && box.bottom <= innerHeight;
      },
      deep,
      { timeout: 10_000 },
    );
    assert.ok(await other.locator(".reader-headline").isVisible(), "the reader stays in view beside it");
    assert.deepEqual(other.errors, []);
    await other.context().close();
  });
});

test("Export and Print hold every article of a long view, not only the rendered rows", async () => {
  await withScalePage(async ({ page }) => {
    const articles = await listed(page);
    await page.locator(".export summary").click();
    const [download] = await Promise.all([page.waitForEvent("download"), page.locator(".export-menu button[data-format=json]").click()]);
    const json = JSON.parse(await readFile(await download.path(), "utf8"));
    assert.equal(json.articles.length, articles);
    assert.equal(new Set(json.articles.map((a) => a.slug)).size, articles);

    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await page.waitForFunction((n) => document.querySelectorAll(".timeline .entry-link").length === n, articles, { timeout: 60_000 });
    const printed = await page.evaluate(() => [...document.querySelectorAll(".timeline .entry-link")].map((l) => l.dataset.slug));
    assert.deepEqual(new Set(printed), new Set(json.articles.map((a) => a.slug)));
    await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  }, "?q=minister");
});
