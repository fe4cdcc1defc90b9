// End-to-end: a researcher's own folder, in the shapes they bring it (a CSV export with a
// headline-only row, an RSS feed, a German text among English ones), built with
// `scripts/build.sh` (scripts/test.sh builds e2e/fixtures/own-articles into
// target/e2e-own/site): the site lists every row and item, the reader names each by its row, a
// headline-only row says so, the Language filter narrows by language, and the single file opens
// from disk.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { withServer } from "./support/server.mjs";
import { launch, openPage, gotoApp } from "./support/browser.mjs";

const ROOT = resolve(import.meta.dirname, "../target/e2e-own/site");

let browser;
before(async () => {
  assert.ok(
    existsSync(`${ROOT}/dateline.html`),
    `${ROOT} is missing: scripts/test.sh builds it (scripts/build.sh e2e/fixtures/own-articles target/e2e-own/site)`,
  );
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

test("a CSV export and a feed become one timeline, each article named by its row or item", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    await page.getByText("5 articles", { exact: true }).waitFor();
    const headlines = await page.locator(".timeline .entry-headline").allInnerTexts();
    assert.deepEqual(headlines.sort(), [
      "Kim Jong Un arrives in Vladivostok by armoured train",
      "Putin and Kim meet at the Vostochny cosmodrome",
      "Putin empfängt Kim Jong Un im Kosmodrom Wostotschny",
      "Russia and North Korea sign a strategic partnership treaty",
      "Tumen River road bridge opens to traffic",
    ]);

    await page.locator(".entry-link", { hasText: "Vostochny cosmodrome" }).click();
    await page.locator(".reader-headline", { hasText: "Vostochny cosmodrome" }).waitFor();
    assert.equal(await page.locator(".reader-outlet").innerText(), "TASS");
    assert.equal(await page.locator(".reader-body p").count(), 2);
    assert.equal(await page.locator(".reader-source code").innerText(), "stories.csv row 1");
    assert.equal(
      await page.getByRole("link", { name: "Read the original" }).getAttribute("href"),
      "https://tass.com/politics/1673001",
    );
    // Where the headline came from, in the words the reader uses.
    assert.match(await page.locator(".reader-outlet").getAttribute("title"), /from the field “media_name”/);

    await page.locator(".entry-link", { hasText: "armoured train" }).click();
    await page.locator(".reader-headline", { hasText: "armoured train" }).waitFor();
    assert.equal(
      await page.locator(".reader-body").innerText(),
      "Only the headline is in this collection: its source holds no text for it.",
    );
    assert.equal(await page.getByRole("link", { name: "Read the original" }).count(), 0);

    await page.locator(".entry-link", { hasText: "Tumen River" }).click();
    await page.locator(".reader-headline", { hasText: "Tumen River" }).waitFor();
    assert.equal(await page.locator(".reader-outlet").innerText(), "Far East Wire");
    assert.equal(await page.locator(".reader-source code").innerText(), "wire.rss item 1");
    assert.match(await page.locator(".reader-date").innerText(), /20 October 2025/);
    assert.deepEqual(page.errors, []);
  }, { root: ROOT });
});

// Stars are kept per collection: what another collection served from the same host starred
// (even under the same slug) is not starred here, and this one's stars go under its own name.
test("stars are kept apart from another collection's on the same host", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    const slug = await page.locator(".timeline .entry-link").first().getAttribute("data-slug");
    await page.evaluate((slug) => localStorage.setItem("dateline:stars:corpus", `dateline-stars=1&${slug}=elsewhere`), slug);
    await page.reload();
    await gotoApp(page, url);
    const star = page.locator(`.timeline .star-toggle[data-star="${slug}"]`);
    assert.equal(await star.getAttribute("aria-pressed"), "false");
    await star.click();
    assert.equal(await star.getAttribute("aria-pressed"), "true");
    const kept = await page.evaluate(() => ({
      own: localStorage.getItem("dateline:stars:own-articles"),
      other: localStorage.getItem("dateline:stars:corpus"),
    }));
    assert.match(kept.own, /^dateline-stars=1&/);
    assert.ok(kept.own.includes(slug));
    assert.ok(kept.other.endsWith("=elsewhere"), "the other collection's stars are untouched");
    assert.deepEqual(page.errors, []);
  }, { root: ROOT });
});

test("the Language filter lists the languages found and narrows to one, in the address", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    const language = page.locator(".facet[data-facet=language]");
    const values = await language.locator(".facet-value").allInnerTexts();
    // The German text detected, the English ones stated by the export or detected; the
    // headline-only row is too short to tell.
    assert.deepEqual(values.map((v) => v.replace(/\s+/g, " ").trim()), ["English 3", "German 1"]);
    await language.locator(".facet-value", { hasText: "German" }).locator("input").check();
    await page.getByText("1 of 5 articles matches").waitFor();
    assert.equal(new URL(page.url()).search, "?language=german");
    assert.deepEqual(await page.locator(".timeline .entry-headline").allInnerTexts(), [
      "Putin empfängt Kim Jong Un im Kosmodrom Wostotschny",
    ]);
    assert.deepEqual(page.errors, []);
  }, { root: ROOT });
});

test("a German word finds its other forms in the German article, and is marked there", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    // The text says "Politiker": only German stemming makes "Politikern" the same word.
    await page.locator("#search-input").fill("Politikern");
    await page.getByText("1 of 5 articles matches").waitFor();
    assert.deepEqual(await page.locator(".timeline .entry-headline").allInnerTexts(), [
      "Putin empfängt Kim Jong Un im Kosmodrom Wostotschny",
    ]);
    await page.locator(".entry-link", { hasText: "Kosmodrom" }).click();
    await page.locator(".reader-body mark").first().waitFor();
    assert.deepEqual(await page.locator(".reader-body mark").allInnerTexts(), ["Politiker"]);
    assert.deepEqual(page.errors, []);
  }, { root: ROOT });
});

test("the single file scripts/build.sh writes opens from disk", async () => {
  const page = await openPage(browser);
  await page.goto(pathToFileURL(`${ROOT}/dateline.html`).href);
  await page.locator(".timeline .entry").first().waitFor({ state: "attached", timeout: 15_000 });
  await page.getByText("5 articles", { exact: true }).waitFor();
  await page.locator("#search-input").fill("bridge");
  await page.getByText("1 of 5 articles matches").waitFor();
  assert.deepEqual(page.errors, []);
});
