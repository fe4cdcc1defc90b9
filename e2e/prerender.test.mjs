// End-to-end: the first screen is in the page before the wasm runs. The build writes the default
// view's first screen into index.html (src/bin/prerender.rs, the app's own components rendered
// natively): it shows with JavaScript off; the app replaces it without moving anything (the
// Layout Instability API's shifts); and a link to another view never shows the default list,
// only the screen's frame, until the app shows that view (web/view-check.js).
// Run by scripts/test.sh after `trunk build --release`. The wasm is held back for a moment in
// each test, so the prerendered screen is surely painted before the app replaces it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { withServer } from "./support/server.mjs";
import { launch, openPage } from "./support/browser.mjs";

const HEADLINES = 5;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Holds every wasm response back `ms`, so the page shows its prerendered screen meanwhile. */
async function slowWasm(page, ms) {
  await page.route("**/*.wasm", async (route) => {
    await new Promise((ok) => setTimeout(ok, ms));
    await route.continue();
  });
}

/**
 * Runs in the page before anything else: every frame until the app has mounted, notes whether
 * the prerendered screen was there, and whether any of its entries or its count could be seen;
 * and keeps every layout shift.
 */
function watchFrames() {
  const seen = (window.__frames = { prerendered: 0, entriesShown: 0, countShown: 0, shifts: [], boxes: null });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) seen.shifts.push({ value: e.value, sources: e.sources?.map((s) => s.node?.className ?? "?") });
  }).observe({ type: "layout-shift", buffered: true });
  const frame = () => {
    const screen = document.querySelector("[data-prerendered]");
    if (screen) {
      seen.prerendered++;
      const visible = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      if ([...screen.querySelectorAll(".entry")].some(visible)) seen.entriesShown++;
      const count = screen.querySelector(".results-count");
      if (count && visible(count)) seen.countShown++;
      seen.boxes = window.__boxes(screen);
    }
    if (!performance.getEntriesByName("dateline:mounted").length) requestAnimationFrame(frame);
  };
  // Where the things a reader's eye rests on stand, inside `root`.
  window.__boxes = (root) =>
    Object.fromEntries(
      [".brand", ".summary", "#search-input", ".view-actions", ".results-count", ".order", ".histogram-chart", ".histogram-ticks",
        "#range-from", "#range-to", ".facet-panel", ".facet-value", ".entry-link", ".entry:last-child .entry-link", ".timeline-rows"].map((s) => {
        const r = root.querySelector(s)?.getBoundingClientRect();
        return [s, r && [r.x, r.y, r.width, s === ".timeline-rows" ? 0 : r.height].map((v) => Math.round(v * 2) / 2)];
      }),
    );
  requestAnimationFrame(frame);
}

test("the first screen is in the page with JavaScript off", async () => {
  await withServer("/", async ({ url }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(url);
    const screen = page.locator("[data-prerendered]");
    assert.equal(await screen.count(), 1);
    assert.equal(await screen.locator(".timeline .entry").count(), HEADLINES);
    assert.ok(await screen.locator(".timeline .entry").first().isVisible());
    assert.equal(await screen.locator(".results-count").innerText(), `${HEADLINES} articles`);
    assert.ok((await screen.locator(".histogram-chart rect.bar").count()) > 12);
    assert.ok((await screen.locator(".facet-value").count()) > 0);
    // Nothing in it asks the strict policy to allow inline styles or scripts.
    assert.equal(await page.locator("[data-prerendered] [style], [data-prerendered] script").count(), 0);
    await context.close();
  });
});

test("the app replaces the first screen without moving anything", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.addInitScript(watchFrames);
    await slowWasm(page, 400);
    await page.goto(url);
    await page.locator(".timeline .entry").first().waitFor();
    await page.waitForTimeout(500);
    const seen = await page.evaluate(() => window.__frames);
    assert.ok(seen.prerendered > 0, "the prerendered screen was painted before the app");
    assert.ok(seen.entriesShown > 0, "with its entries");
    const shift = seen.shifts.reduce((sum, s) => sum + s.value, 0);
    assert.equal(shift, 0, `layout shifts: ${JSON.stringify(seen.shifts)}`);
    // The Layout Instability API sees nodes that move, not a node put in another's place: so
    // every part of the first screen must stand where the app's own does, to the half pixel.
    const live = await page.evaluate(() => window.__boxes(document.querySelector(".app")));
    assert.ok(Object.values(seen.boxes).every(Boolean), `every part is on the first screen: ${JSON.stringify(seen.boxes)}`);
    assert.deepEqual(live, seen.boxes);
    // The live app, not the prerendered one: it answers a search.
    await page.locator("#search-input").fill("visa");
    await page.locator(".results-count", { hasText: "1 of 5 articles matches" }).waitFor();
    assert.deepEqual(page.errors, []);
  });
});

test("a link to another view never shows the default list before its own", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await page.addInitScript(watchFrames);
    await slowWasm(page, 400);
    await page.goto(`${url}?q=visa`);
    await page.locator(".results-count", { hasText: "1 of 5 articles matches" }).waitFor();
    const seen = await page.evaluate(() => window.__frames);
    assert.ok(seen.prerendered > 0, "the prerendered screen was there before the app");
    assert.equal(seen.entriesShown, 0, "no frame showed the default list");
    assert.equal(seen.countShown, 0, "nor its count");
    // Its frame was: the masthead and the search box.
    assert.equal(await page.locator("html.deep-link").count(), 1);
    assert.deepEqual(page.errors, []);
  });
});
