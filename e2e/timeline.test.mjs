// End-to-end: the release bundle in dist/, served statically and driven in headless Chromium,
// shows the seed corpus as a timeline and opens articles in the reader, with the view in the URL.
// Run by scripts/test.sh after `trunk build --release`.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { withServer } from "./support/server.mjs";
import { launch, openPage, gotoApp } from "./support/browser.mjs";

// The seed corpus in publication order (from shared/corpus-seed/METADATA.md).
const SEEDS = [
  { year: "2014", outlet: "The Moscow Times", headline: "Russia and North Korea Discuss Visa-Free Regime" },
  { year: "2016", outlet: "The Moscow Times", headline: "Russia Signs Deal to Hand Over North Korean Refugees" },
  { year: "2019", outlet: "WIC News", headline: "North Korea’s Kim may visit Russia to meet Putin" },
  { year: "2024", outlet: "The Moscow Times", headline: "Kremlin Confirms Putin's Trip to North Korea" },
  { year: "2025", outlet: "NationPress", headline: "Preparations in Progress for Kim Jong-un's Upcoming Visit to Russia" },
];

// Publisher chrome that must never reach the reader.
const BOILERPLATE = [
  "Support The Moscow Times",
  "Read more",
  "paiment methods",
  "Remind me later",
  "Click to start listening",
  "Sign up for our free weekly newsletter",
  "small favor to ask",
];

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

// A user opening the page sees every article, oldest first, under its year, with its outlet.
test("the timeline lists the five seed articles by year in date order", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    assert.deepEqual(await page.locator(".year-label").allInnerTexts(), SEEDS.map((s) => s.year));
    assert.deepEqual(await page.locator(".entry-headline").allInnerTexts(), SEEDS.map((s) => s.headline));
    assert.deepEqual(await page.locator(".entry-outlet").allTextContents(), SEEDS.map((s) => s.outlet));
    assert.equal(await page.locator(".entry time").first().getAttribute("datetime"), "2014-10-29");
    assert.match(await page.locator(".summary").innerText(), /5 articles, 2014–2025/);
    assert.equal(await page.locator(".left-out").count(), 0, "every seed file is an article");
    assert.deepEqual(page.errors, []);
  });
});

// Clicking a headline opens the clean article; the URL names it; Back and Forward move between views.
test("opening an article shows its clean body, and the URL and history follow", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    await page.getByText(SEEDS[3].headline).click();

    const reader = page.locator(".reader article");
    await assert.doesNotReject(reader.locator(".reader-headline", { hasText: SEEDS[3].headline }).waitFor());
    const body = await reader.locator(".reader-body").innerText();
    assert.match(body, /Russian President Vladimir Putin will visit North Korea this week/);
    assert.match(body, /maintain working relations with Pyongyang\./);
    for (const chrome of BOILERPLATE) assert.ok(!body.includes(chrome), `reader shows boilerplate “${chrome}”`);
    assert.match(await reader.locator(".reader-meta").innerText(), /The Moscow Times · 17 June 2024/);
    assert.equal(new URL(page.url()).search, "?a=2024-06-17-kremlin-confirms-putins-trip-to-north-korea");
    assert.equal(await page.title(), `${SEEDS[3].headline} — Dateline`);
    assert.equal(await page.locator(".entry-link.open .entry-headline").innerText(), SEEDS[3].headline);

    await page.goBack();
    await page.locator(".reader-empty").waitFor();
    assert.equal(new URL(page.url()).search, "");
    await page.goForward();
    await reader.locator(".reader-headline", { hasText: SEEDS[3].headline }).waitFor();

    await page.keyboard.press("Escape");
    await page.locator(".reader-empty").waitFor();
    assert.equal(new URL(page.url()).search, "");
    assert.deepEqual(page.errors, []);
  });
});

// A shared link opened in a fresh browser, on a host that serves the app under a sub-path,
// shows the same article; the assets load relative to the page.
test("a deep link works under a sub-path in a fresh browser", async () => {
  await withServer("/dateline/", async ({ url, requests }) => {
    const page = await openPage(browser);
    await gotoApp(page, `${url}?a=2016-02-04-russia-signs-deal-to-hand-over-north-korean`);
    await page.locator(".reader-headline", { hasText: SEEDS[1].headline }).waitFor();
    const body = await page.locator(".reader-body").innerText();
    assert.match(body, /Russia has signed an agreement with North Korea/);
    for (const chrome of BOILERPLATE) assert.ok(!body.includes(chrome), `reader shows boilerplate “${chrome}”`);
    assert.ok(requests.every((r) => r.startsWith("/dateline/")), `requests outside the sub-path: ${requests}`);
    assert.deepEqual(page.errors, []);
  });
});

// The reader says where the metadata came from, keeps photo captions apart from the text, and
// lists the people, places and organisations the article mentions.
test("the reader shows provenance, captions and entities", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, `${url}?a=2014-10-29-russia-and-north-korea-discuss-visa-free-regime`);
    const reader = page.locator(".reader article");
    await reader.waitFor();
    assert.match(await reader.locator(".reader-date").getAttribute("title"), /Date: from the article's metadata \(high confidence\)/);
    await reader.locator(".provenance summary").click();
    assert.match(await reader.locator(".provenance").innerText(), /Headline from the article's metadata/);
    assert.match(await reader.locator(".reader-captions").innerText(), /smiling as he meets athletes/);
    assert.ok(!(await reader.locator(".reader-body").innerText()).includes("smiling as he meets athletes"));
    const people = await reader.locator(".entity-row", { hasText: "People" }).locator(".chip").allInnerTexts();
    assert.deepEqual(people.slice(0, 2), ["Alexander Galushka", "Vladimir Putin"]);
    const places = await reader.locator(".entity-row", { hasText: "Places" }).locator(".chip").allInnerTexts();
    assert.ok(places.includes("North Korea") && places.includes("Vladivostok"), `places: ${places}`);
    assert.deepEqual(page.errors, []);
  });
});

// A link to an article that is not in the collection still shows the timeline, with a notice
// that can be dismissed.
test("a link to an unknown article shows the timeline and a dismissible notice", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, `${url}?a=no-such-article&a=another`);
    const notice = page.locator(".notice");
    await notice.waitFor();
    assert.match(await notice.innerText(), /“no-such-article” that is not in this collection/);
    assert.match(await notice.innerText(), /“a” more than once/);
    assert.equal(await page.locator(".entry").count(), SEEDS.length);
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await notice.waitFor({ state: "detached" });
    assert.deepEqual(page.errors, []);
  });
});
