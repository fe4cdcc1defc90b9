// End-to-end: how the built page is delivered. The multi-file build runs under a strict
// Content-Security-Policy served as a header; the single file dist/dateline.html runs from disk
// with no network at all, deep links included, and its copied links open in another copy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { copyFile, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { DIST, withServer } from "./support/server.mjs";
import { launch, openPage, gotoApp } from "./support/browser.mjs";

const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const headlines = (page) => page.locator(".timeline .entry-headline").allInnerTexts();

/** Records every CSP violation the page reports, from before its first script runs. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
}

// The page itself carries no inline script or style for a policy to refuse.
test("the built page has no inline script or style", async () => {
  const html = await readFile(join(DIST, "index.html"), "utf8");
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  assert.ok(scripts.length > 0);
  for (const tag of scripts) assert.match(tag, /\bsrc=/, `inline script: ${tag}`);
  assert.doesNotMatch(html, /<style\b|\sstyle=/, "inline style");
});

// Searching, filtering, the histogram and the reader all work under the strict policy.
test("the app runs under a strict Content-Security-Policy header", async () => {
  await withServer(
    "/",
    async ({ url }) => {
      const page = await openPage(browser);
      await watchViolations(page);
      const response = await page.goto(`${url}?q=visa`);
      assert.equal(response.headers()["content-security-policy"], CSP);
      await page.locator(".timeline .entry").first().waitFor();
      assert.deepEqual(await headlines(page), ["Russia and North Korea Discuss Visa-Free Regime"]);
      await page.locator("#search-input").fill("putin");
      await page.locator(".timeline .entry", { hasText: "Kremlin Confirms" }).waitFor();
      await page.locator(".timeline .entry-link").first().click();
      await page.locator(".reader-headline").waitFor();
      // The histogram's year ticks are placed by SVG attributes: no inline style, which this
      // policy refuses (and which the prerendered first screen would need).
      assert.ok((await page.locator(".histogram-ticks .tick").count()) > 0);
      const x = await page.locator(".histogram-ticks .tick text").last().getAttribute("x");
      assert.match(x, /^\d+\.\d{3}%$/);
      assert.deepEqual(await page.evaluate(() => window.__violations), []);
      assert.deepEqual(page.errors, []);
    },
    { headers: { "content-security-policy": CSP } },
  );
});

/** Copies dist/dateline.html to a fresh directory `who`, as someone's own copy of the file. */
async function copyOfFile(root, who) {
  const dir = join(root, who);
  await mkdir(dir, { recursive: true });
  const file = join(dir, "dateline.html");
  await copyFile(join(DIST, "dateline.html"), file);
  return pathToFileURL(file).href;
}

/** A page that fails on any request other than the file itself: the copy must need no network. */
async function openOffline(fileUrl) {
  const page = await openPage(browser);
  await page.context().setOffline(true);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  page.requests = [];
  page.on("request", (r) => page.requests.push(r.url()));
  page.elsewhere = () => page.requests.filter((u) => u.split("?")[0] !== fileUrl && !u.startsWith("data:"));
  return page;
}

// The single file opened from disk: a deep link, a search, an article; not one request
// beyond the file itself.
test("the single file works from disk with no network, deep links included", async () => {
  const root = await mkdtemp(join(tmpdir(), "dateline-offline-"));
  try {
    const file = await copyOfFile(root, "alice");
    const page = await openOffline(file);
    await gotoApp(page, `${file}?person=kim-jong-un&sort=newest`);
    const kim = await headlines(page);
    assert.equal(kim[0], "Preparations in Progress for Kim Jong-un's Upcoming Visit to Russia");
    assert.ok(kim.length >= 2 && kim.length < 5, `Kim's articles: ${kim}`);
    assert.match(await page.locator(".results-count").innerText(), /of 5 articles/);

    await page.locator(".clear-all").first().click();
    await page.locator(".results-count", { hasText: /^5 articles/ }).waitFor();
    await page.locator("#search-input").fill("visa free");
    await page.locator(".timeline .entry", { hasText: "Visa-Free Regime" }).waitFor();
    await page.locator(".timeline .entry-link").first().click();
    await page.locator(".reader-headline", { hasText: "Visa-Free" }).waitFor();
    assert.match(page.url(), /^file:.*dateline\.html\?.*a=2014-10-29/);
    // Back returns to the search without the article.
    await page.goBack();
    await page.locator(".reader-headline").waitFor({ state: "detached" });

    assert.deepEqual(page.elsewhere(), []);
    assert.deepEqual(page.errors, []);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

// Copy link in one copy, "Open a link" in another copy somewhere else: the same view.
test("a link copied from one offline copy opens the same view in another", async () => {
  const root = await mkdtemp(join(tmpdir(), "dateline-offline-"));
  try {
    const alice = await copyOfFile(root, "alice");
    const bob = await copyOfFile(root, "bob/Downloads");

    const sender = await openOffline(alice);
    await gotoApp(sender, `${alice}?q=putin&outlet=the-moscow-times&from=2016-01`);
    const view = await headlines(sender);
    assert.ok(view.length > 0);
    await sender.getByRole("button", { name: "Copy link" }).click();
    await sender.getByText("Link copied").waitFor();
    const link = await sender.evaluate(() => navigator.clipboard.readText());
    assert.equal(link, sender.url());
    assert.match(await sender.locator(".copy-status").innerText(), /Open a link/);

    // The sender's own link opens the view (same file).
    const again = await openOffline(alice);
    await gotoApp(again, link);
    assert.deepEqual(await headlines(again), view);

    // The recipient opens their copy and pastes the link.
    const recipient = await openOffline(bob);
    await gotoApp(recipient, bob);
    await recipient.locator(".open-link summary").click();
    await recipient.locator("#open-link-input").fill("not a link");
    await recipient.getByRole("button", { name: "Open", exact: true }).click();
    await recipient.getByText("That is not a link to a Dateline view").waitFor();
    await recipient.locator("#open-link-input").fill(link);
    await recipient.getByRole("button", { name: "Open", exact: true }).click();
    await recipient.waitForURL((u) => u.href.startsWith(`${bob}?`));
    assert.equal(new URL(recipient.url()).search, new URL(link).search);
    await recipient.locator(".results-count", { hasText: `${view.length} of 5` }).waitFor();
    assert.deepEqual(await headlines(recipient), view);
    assert.equal(await recipient.locator("#search-input").inputValue(), "putin");

    for (const page of [sender, again, recipient]) {
      assert.deepEqual(page.elsewhere(), []);
      assert.deepEqual(page.errors, []);
    }
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});
