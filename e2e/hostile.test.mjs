// End-to-end: a hostile corpus is inert. The page built from e2e/fixtures/hostile-corpus.mjs
// (script, event handlers, SVG, iframes, javascript: and data: addresses, comments, RTL
// overrides, zero-width and control characters, a 1 MB line, a 10,000-character headline) is
// opened with a trap on `window`: no payload runs, no dangerous address becomes a link, the
// markup shows as the text it is, and the page stays usable (search, facets, reader, layout).
//
// scripts/test.sh builds the page into target/e2e-hostile/dist. No Content-Security-Policy is
// served here, so the app's own rendering is what is tested.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { withServer } from "./support/server.mjs";
import { launch, openPage, gotoApp } from "./support/browser.mjs";
import { HOSTILE } from "./fixtures/hostile-corpus.mjs";

const ROOT = resolve(import.meta.dirname, "../target/e2e-hostile/dist");
// 8 files, and the 2 rows of an export.
const ARTICLES = 10;

let browser;
before(async () => {
  assert.ok(
    existsSync(`${ROOT}/index.html`),
    `${ROOT}/index.html is missing: scripts/test.sh builds it (node e2e/fixtures/hostile-corpus.mjs ` +
      `target/e2e-hostile/corpus, then DATELINE_CORPUS=target/e2e-hostile/corpus trunk build --release ` +
      `--offline --dist target/e2e-hostile/dist)`,
  );
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Serves the hostile build and runs `body` with its address and a trapped page. */
async function withHostilePage(body) {
  await withServer("/", async ({ url }) => body({ url, page: await trappedPage() }), { root: ROOT });
}

/** A page whose `window.__pwned` records any payload that runs, and that fails on any dialog. */
async function trappedPage() {
  const page = await openPage(browser, { viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    window.__pwnedBy = [];
    window.__pwned = (where) => window.__pwnedBy.push(String(where));
  });
  page.on("dialog", (dialog) => {
    page.errors.push(`dialog: ${dialog.message()}`);
    dialog.dismiss();
  });
  return page;
}

/**
 * What the page's DOM holds that it must not: payloads that ran, elements that only markup from
 * the corpus would create, inline event handlers, links to anything but the web, and a
 * document wider than the window.
 */
async function dangers(page) {
  return page.evaluate(() => {
    const found = [...window.__pwnedBy.map((w) => `payload ran: ${w}`)];
    const app = document.body;
    for (const el of app.querySelectorAll("script, iframe, img, object, embed, base, meta, style, math, foreignObject")) {
      found.push(`element <${el.localName}> in the page body`);
    }
    for (const svg of app.querySelectorAll("svg")) {
      if (!svg.closest(".histogram")) found.push("an <svg> outside the histogram");
    }
    for (const el of app.querySelectorAll("*")) {
      for (const attr of el.attributes) {
        if (attr.name.startsWith("on")) found.push(`<${el.localName} ${attr.name}> handler`);
      }
    }
    for (const a of app.querySelectorAll("[href], [src], [action], [formaction], [xlink\\:href]")) {
      for (const name of ["href", "src", "action", "formaction", "xlink:href"]) {
        const value = a.getAttribute(name);
        if (value === null) continue;
        const url = new URL(value, location.href);
        if (url.protocol !== "http:" && url.protocol !== "https:") {
          found.push(`<${a.localName} ${name}="${value.slice(0, 80)}">`);
        }
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth) {
      found.push(`the page is ${document.documentElement.scrollWidth}px wide in a ${window.innerWidth}px window`);
    }
    return found;
  });
}

/** The `?a=` links of the timeline's entries, in order. */
async function articleLinks(page) {
  return page.locator(".timeline .entry-link").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
}

// Every article, listed and opened in the reader: nothing runs, nothing dangerous is in the DOM.
test("no payload in the hostile corpus runs or becomes a link, in the timeline or the reader", async () => {
  await withHostilePage(async ({ url, page }) => {
    await gotoApp(page, url);
    assert.equal(await page.locator(".timeline .entry").count(), ARTICLES);
    assert.deepEqual(await dangers(page), []);

    const links = await articleLinks(page);
    assert.equal(links.length, ARTICLES);
    for (const link of links) {
      await page.goto(new URL(link, url).href);
      await page.locator(".reader-headline").waitFor();
      // The reader is the newest render: wait a tick for effects that could run a payload.
      await page.waitForTimeout(100);
      assert.deepEqual(await dangers(page), [], `opening ${link}`);
    }
    assert.deepEqual(page.errors, []);
  });
});

// The markup is shown as the text it is: in the headline, the outlet, the tags and the body.
test("markup in metadata and text shows as text", async () => {
  await withHostilePage(async ({ url, page }) => {
    await gotoApp(page, url);
    const headlines = await page.locator(".timeline .entry-headline").allInnerTexts();
    assert.ok(headlines.includes(HOSTILE.markupHeadline), `headlines: ${headlines.map((h) => h.slice(0, 80))}`);

    await page.locator(".entry-link", { hasText: "Summit markup" }).click();
    await page.locator(".reader-headline").waitFor();
    assert.equal(await page.locator(".reader-headline").innerText(), HOSTILE.markupHeadline);
    assert.equal(await page.locator(".reader-outlet").innerText(), HOSTILE.markupOutlet);
    assert.ok((await page.locator("body").innerText()).includes(HOSTILE.markupTag), "the tag is shown as text");
    const body = await page.locator(".reader-body").innerText();
    assert.match(body, /<script>__pwned\("text-script"\)<\/script>/);
    assert.match(body, /<img src=x onerror=__pwned\("text-img"\)>/);
    // The sidecar's address has quotes and markup in it; it is still one attribute.
    assert.equal(
      await page.getByRole("link", { name: "Read the original" }).getAttribute("href"),
      HOSTILE.quotedUrl,
    );
    assert.deepEqual(await dangers(page), []);

    // The saved page's javascript: og:url and data: canonical never became its address.
    await page.goto(url);
    await page.locator(".entry-link", { hasText: "Saved page" }).click();
    await page.locator(".reader-headline").waitFor();
    assert.equal(await page.getByRole("link", { name: "Read the original" }).count(), 0);
    assert.match(await page.locator(".reader-outlet").innerText(), /<script>__pwned\('site'\)<\/script>Hostile Daily/);
    assert.deepEqual(await dangers(page), []);
    assert.deepEqual(page.errors, []);
  });
});

// An export's rows are articles like files: the markup in its cells is text, its `javascript:`
// address is no link, and a row with a headline and no text says so and links to its original.
test("an export's rows: markup in cells shows as text, a headline-only row links to its original", async () => {
  await withHostilePage(async ({ url, page }) => {
    await gotoApp(page, url);
    await page.locator(".entry-link", { hasText: "Export summit" }).click();
    await page.locator(".reader-headline").waitFor();
    assert.equal(await page.locator(".reader-headline").innerText(), HOSTILE.exportTitle);
    assert.equal(await page.locator(".reader-outlet").innerText(), HOSTILE.exportOutlet);
    assert.match(await page.locator(".reader-body").innerText(), /<b onmouseover=__pwned\("csv-text"\)>export<\/b>/);
    assert.equal(await page.getByRole("link", { name: "Read the original" }).count(), 0);
    assert.equal(await page.locator(".reader-source code").innerText(), "wire-export.csv row 1");
    assert.deepEqual(await dangers(page), []);

    await page.goto(url);
    await page.locator(".entry-link", { hasText: HOSTILE.headlineOnly }).click();
    await page.locator(".reader-headline", { hasText: HOSTILE.headlineOnly }).waitFor();
    assert.match(await page.locator(".reader-body").innerText(), /^Only the headline is in this collection/);
    assert.equal(
      await page.getByRole("link", { name: "Read the original" }).getAttribute("href"),
      HOSTILE.headlineOnlyUrl,
    );
    assert.equal(await page.locator(".reader-source code").innerText(), "wire-export.csv row 2");
    // Found by its headline.
    await page.getByRole("searchbox").fill("story list");
    await page.getByText(`1 of ${ARTICLES} articles match`).waitFor();
    assert.deepEqual(await dangers(page), []);
    assert.deepEqual(page.errors, []);
  });
});

// Search still works on hostile text: a word inside markup is found and marked by splitting the
// text, a word broken up by invisible characters is found whole, and a facet whose name is
// markup filters like any other.
test("search, highlights and facets work on hostile text", async () => {
  await withHostilePage(async ({ url, page }) => {
    await gotoApp(page, url);

    await page.getByRole("searchbox").fill("onerror");
    await page.getByText(new RegExp(`^\\d+ of ${ARTICLES} articles match`)).waitFor();
    await page.locator(".entry-link", { hasText: "Summit markup" }).first().click();
    await page.locator(".reader-body mark").first().waitFor();
    const marks = await page.locator(".reader mark").allInnerTexts();
    assert.ok(marks.length >= 2 && marks.every((m) => m.toLowerCase() === "onerror"), `marks: ${marks}`);
    assert.deepEqual(await dangers(page), []);

    // Zero-width space, joiner, byte-order mark and soft hyphen do not split a word.
    await page.goto(`${url}?q=vladivostok`);
    await page.getByText(`1 of ${ARTICLES} articles match`).waitFor();
    await page.locator(".timeline .entry-link").first().click();
    const mark = await page.locator(".reader mark").first().innerText();
    assert.equal(mark, HOSTILE.invisibleWord);

    // The person whose name is markup is a facet value like any other.
    await page.goto(url);
    const person = page.locator(".facet[data-facet=person] .facet-value", {
      has: page.locator(".facet-label", { hasText: HOSTILE.markupPerson }),
    });
    await person.locator("input").check();
    await page.getByText(`1 of ${ARTICLES} articles match`).waitFor();
    assert.match(new URL(page.url()).search, /^\?person=/);
    await page.goBack();
    await page.getByText(`${ARTICLES} articles`, { exact: true }).waitFor();
    assert.deepEqual(await dangers(page), []);
    assert.deepEqual(page.errors, []);
  });
});

// A link made when one of the twins had the slug to itself lists both, never opens either
// silently; choosing one opens it and puts its own slug in the address.
test("a link to a slug two articles now share lets the reader choose", async () => {
  await withHostilePage(async ({ url, page }) => {
    await gotoApp(page, `${url}?a=${HOSTILE.twinSlug}`);
    const notice = page.locator(".notice");
    await notice.getByText(`The link asks for the article “${HOSTILE.twinSlug}”, but 2 articles`).waitFor();
    assert.equal(await page.locator(".reader-headline").count(), 0);
    const choices = notice.locator(".notice-choices a");
    assert.deepEqual(await choices.allInnerTexts(), [HOSTILE.twinHeadline, HOSTILE.twinHeadline]);
    assert.match(await notice.innerText(), /Twin Outlet One/);
    assert.match(await notice.innerText(), /Twin Outlet Two/);

    await notice.locator(".notice-choices li", { hasText: "Twin Outlet Two" }).locator("a").click();
    await page.locator(".reader-outlet", { hasText: "Twin Outlet Two" }).waitFor();
    assert.match(new URL(page.url()).search, new RegExp(`^\\?a=${HOSTILE.twinSlug}-[0-9a-f]{6}$`));
    assert.equal(await notice.count(), 0);
    assert.deepEqual(page.errors, []);
  });
});

// The 1 MB line and the 10,000-character headline are readable and keep the layout: nothing
// is wider than the window, and the controls beside them can still be used.
// Files that gave no article are counted and named under the summary, a markup name as text.
test("the files left out of the corpus are counted and named as text", async () => {
  await withHostilePage(async ({ url, page }) => {
    await gotoApp(page, url);
    const note = page.locator(".left-out");
    assert.equal(await note.locator("summary").innerText(), `${HOSTILE.leftOut} files left out`);
    await note.locator("summary").click();
    const items = await note.locator("li").allInnerTexts();
    assert.deepEqual(items, [
      `${HOSTILE.markupFileName}: the file is empty (or holds only white space and invisible characters)`,
      "scanned-report.txt: the file is not text but a PDF document",
    ]);
    assert.equal(await page.locator(".timeline .entry").count(), ARTICLES, "every article is still listed");
    assert.deepEqual(await dangers(page), []);
    assert.deepEqual(page.errors, []);
  });
});

test("a 1 MB line and a 10,000-character headline keep the page usable", async () => {
  await withHostilePage(async ({ url, page }) => {
    await gotoApp(page, url);
    await page.locator(".entry-link", { hasText: "A one-megabyte line" }).click();
    await page.locator(".reader-body p").first().waitFor();
    const length = await page.locator(".reader-body").evaluate((b) => b.textContent.length);
    assert.ok(length >= HOSTILE.longLineBytes - 100, `the reader holds ${length} characters`);
    // The article's text is packed in the blob: it unpacks whole, from its first word to the
    // unbroken run of letters that ends it.
    const line = await page.locator(".reader-body p").last().evaluate((p) => p.textContent.trim());
    assert.ok(line.startsWith("The long line keeps going without a break"), line.slice(0, 80));
    assert.ok(/break x{10000,}$/.test(line), `ends with …${line.slice(-60)} (${line.length} characters)`);
    assert.deepEqual(await dangers(page), []);

    await page.locator(".entry-link", { hasText: "Headline that goes on" }).click();
    await page.locator(".reader-headline", { hasText: "Headline that goes on" }).waitFor();
    const headline = await page.locator(".reader-headline").innerText();
    assert.equal(headline.length, HOSTILE.longHeadlineLength);
    assert.deepEqual(await dangers(page), []);
    // The timeline beside it can still be used.
    await page.locator(".entry-link", { hasText: "reaches Rason" }).click();
    await page.locator(".reader-headline", { hasText: "reaches Rason" }).waitFor();

    // The tab title is kept short.
    assert.ok((await page.title()).length <= 200);
    assert.deepEqual(page.errors, []);
  });
});

// A right-to-left override in a headline or outlet cannot reorder what stands beside it: each
// inline piece of article text is isolated (paragraphs and headings end an override anyway).
test("direction overrides in the corpus stay inside their own text", async () => {
  await withHostilePage(async ({ url, page }) => {
    await gotoApp(page, url);
    const entry = page.locator(".entry-link", { hasText: "reaches Rason" });
    const isolation = await entry.evaluate((link) =>
      [".entry-headline", ".entry-outlet"].map((s) => getComputedStyle(link.querySelector(s)).unicodeBidi),
    );
    assert.deepEqual(isolation, ["isolate", "isolate"]);
    await entry.click();
    await page.locator(".reader-headline").waitFor();
    const outlet = await page.locator(".reader-outlet").evaluate((o) => getComputedStyle(o).unicodeBidi);
    assert.equal(outlet, "isolate");
    assert.deepEqual(page.errors, []);
  });
});

// A bug that panics shows the crash view instead of a frozen page: the app is hidden, the
// panic message, address and browser are in a read-only field ready to copy, and "Reload"
// brings the same view back. (The hostile build has the `crash-test` feature, which panics on a
// `dateline-test-crash` event.)
test("a panic shows the crash view with the report, and Reload brings the view back", async () => {
  await withHostilePage(async ({ url, page }) => {
    await gotoApp(page, `${url}?q=envoy`);
    await page.evaluate(() =>
      window.dispatchEvent(new CustomEvent("dateline-test-crash", { detail: "<b>payload</b> in a message" })),
    );
    const view = page.getByRole("alert").filter({ hasText: "Dateline stopped working" });
    await view.waitFor();
    assert.equal(await page.locator(".timeline").isVisible(), false);

    const report = page.getByLabel(/report it with these details/);
    const text = await report.inputValue();
    assert.match(text, /^Dateline \d+\.\d+\.\d+ stopped: panicked at src\/crash\.rs:\d+:\d+:\ntest crash: <b>payload<\/b> in a message\n/);
    assert.ok(text.includes(`Address: ${url}?q=envoy\n`), text);
    assert.match(text, /Browser: Mozilla\/5\.0 .*Chrome/);
    // Focused and selected, so one copy takes it; shown as text, not markup.
    assert.equal(await report.evaluate((f) => document.activeElement === f && f.selectionEnd - f.selectionStart), text.length);
    assert.equal(await page.locator(".crash b").count(), 0);
    // The console has the panic (console_error_panic_hook), and the aborted instance's trap.
    assert.ok(page.errors.some((e) => e.includes("test crash")), page.errors.join("\n"));

    await page.getByRole("link", { name: "Reload the page" }).click();
    await page.getByText(new RegExp(`^\\d+ of ${ARTICLES} articles match`)).waitFor();
    assert.equal(new URL(page.url()).search, "?q=envoy");
    assert.equal(await page.locator(".crash").count(), 0);
  });
});
