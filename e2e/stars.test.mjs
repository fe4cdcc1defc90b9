// End-to-end: the reader's stars and notes in headless Chromium against the release build.
// Starring from the timeline (button and `s` key) and the reader, a note that survives a reload,
// the "Starred" filter with the other filters and in the URL, another tab following along, a
// browser whose storage holds something unreadable or keeps nothing (a notice, never a crash);
// a collection that travels: a link to the starred articles (with their notes when they fit)
// opened in a fresh browser, export and print with the notes, and import of an exported file.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withServer } from "./support/server.mjs";
import { launch, openPage, gotoApp, untilMounted, audit } from "./support/browser.mjs";

const KIM_2019 = "2019-03-25-north-koreas-kim-may-visit-russia-to-meet";
const KREMLIN = "2024-06-17-kremlin-confirms-putins-trip-to-north-korea";
// The seed corpus lives in `corpus/`: its stars are kept under that name.
const KEY = "dateline:stars:corpus";

/** An article's id in a shared link (`short_id` in crates/core/src/stars.rs): 40 bits of the
 *  FNV-1a hash of its slug in Crockford's base 32, lowest bits first. */
function shortId(slug) {
  const alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(slug)) {
    hash = ((hash ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  let id = "";
  for (let i = 0n; i < 8n; i++) id += alphabet[Number((hash >> (i * 5n)) & 31n)];
  return id;
}

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

const count = (page) => page.locator(".results-count").innerText();
const star = (page, slug) => page.locator(`.timeline .star-toggle[data-star="${slug}"]`);
const pressed = (locator) => locator.getAttribute("aria-pressed");
const starredCount = (page) => page.locator(".facet-starred .facet-count").innerText();

// A reader stars two articles from the timeline, one with the button and one with the `s` key,
// opens one and writes a note on it; a reload keeps both stars and the note.
test("stars from the timeline and the reader, and a note, survive a reload", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    assert.equal(await starredCount(page), "0");
    assert.equal(await pressed(star(page, KIM_2019)), "false");

    await star(page, KIM_2019).click();
    assert.equal(await pressed(star(page, KIM_2019)), "true");
    assert.equal(await starredCount(page), "1");

    // The keyboard: focus an entry, then `s`.
    await page.locator(`.entry-link[data-slug="${KREMLIN}"]`).focus();
    await page.keyboard.press("s");
    assert.equal(await pressed(star(page, KREMLIN)), "true");
    assert.equal(await starredCount(page), "2");

    // In the reader: the same star, pressed, and a note field.
    await page.locator(`.entry-link[data-slug="${KREMLIN}"]`).click();
    const readerStar = page.locator(".reader-star .star-toggle");
    assert.equal(await pressed(readerStar), "true");
    const note = page.getByLabel("Your note");
    await note.fill("Check the date against the TASS report.\nSecond line.");

    await page.reload();
    await untilMounted(page);
    await page.locator(".reader-headline").waitFor();
    assert.equal(await pressed(star(page, KIM_2019)), "true");
    assert.equal(await pressed(star(page, KREMLIN)), "true");
    assert.equal(await page.getByLabel("Your note").inputValue(), "Check the date against the TASS report.\nSecond line.");
    assert.equal(await starredCount(page), "2");

    // `s` in the reader (focus on its headline) removes the open article's star, and its note.
    await page.locator(".reader-headline").focus();
    await page.keyboard.press("s");
    assert.equal(await pressed(readerStar), "false");
    assert.equal(await page.getByLabel("Your note").count(), 0, "no note without a star");
    await readerStar.click();
    assert.equal(await page.getByLabel("Your note").inputValue(), "", "a new star starts without the old note");

    // Only this corpus's key is written.
    const keys = await page.evaluate(() => Object.keys(localStorage));
    assert.deepEqual(keys, [KEY]);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

// "Starred" narrows like any filter: with a search, a facet and the dates, counted in the other
// facets, in the URL (so Back and a reload keep it), and cleared by "Clear all".
test("the Starred filter works with every other filter and lives in the URL", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    await star(page, KIM_2019).click();
    await star(page, KREMLIN).click();

    await page.getByLabel("Starred").check();
    await page.waitForURL((address) => address.search === "?starred=1");
    assert.equal(await count(page), "2 of 5 articles match");
    assert.equal(await page.locator(".facets-toggle").innerText(), "Filters (1)");
    // The other facets count starred articles only.
    const outlets = await page.locator(".facet[data-facet=outlet] .facet-count").allInnerTexts();
    assert.equal(outlets.map(Number).reduce((a, b) => a + b, 0), 2);

    // With a search: one of the two mentions Kim's 2019 visit.
    await page.locator("#search-input").fill("vladivostok");
    await page.getByText("1 of 5 articles matches").waitFor();
    assert.match(new URL(page.url()).search, /starred=1/);
    await page.locator("#search-input").fill("");
    await page.getByText("2 of 5 articles match").waitFor();

    // Unstarring under the filter takes the article out of the list.
    await star(page, KIM_2019).click();
    await page.getByText("1 of 5 articles matches").waitFor();

    await page.reload();
    await untilMounted(page);
    assert.equal(await count(page), "1 of 5 articles matches");
    assert.ok(await page.getByLabel("Starred").isChecked());

    await page.getByRole("button", { name: "Clear all" }).click();
    await page.getByText("5 articles", { exact: true }).waitFor();
    assert.equal(new URL(page.url()).search, "");
    await page.goBack();
    await page.getByText("1 of 5 articles matches").waitFor();
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

// A link with the filter opened where nothing is starred says so, and offers to remove it.
test("the Starred filter in a browser with no stars says how to star", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    // Nothing is listed: the page is there once the app has replaced the first screen.
    await page.goto(`${url}?starred=1`);
    await page.getByText("No article is starred in this browser yet").waitFor();
    await page.getByRole("button", { name: "Remove starred only" }).click();
    await page.getByText("5 articles", { exact: true }).waitFor();
    // A garbled value is a notice, and the full timeline.
    await page.goto(`${url}?starred=maybe`);
    await page.getByText("“starred=maybe” is neither 1 nor 0").waitFor();
    assert.equal(await count(page), "5 articles");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

// Two tabs of the same page: a star given in one shows in the other.
test("another tab follows the stars", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    const other = await page.context().newPage();
    await other.goto(url);
    await untilMounted(other);
    await star(page, KIM_2019).click();
    await other.waitForFunction(
      (slug) => document.querySelector(`.timeline [data-star="${slug}"]`)?.getAttribute("aria-pressed") === "true",
      KIM_2019,
    );
    assert.equal(await starredCount(other), "1");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

// Storage that holds something this version cannot read: a notice, nothing starred, no crash,
// and the unreadable value kept aside rather than overwritten by the next star.
test("unreadable stored stars are set aside with a notice", async () => {
  await withServer("/", async ({ url }) => {
    for (const stored of ["[\"not\", \"ours\"]", "dateline-stars=9&x=y", "dateline-stars=1&bad%20slug=x"]) {
      const page = await openPage(browser);
      await page.context().addInitScript(
        ([key, value]) => {
          if (!sessionStorage.getItem("seeded")) {
            localStorage.setItem(key, value);
            sessionStorage.setItem("seeded", "1");
          }
        },
        [KEY, stored],
      );
      await gotoApp(page, url);
      await page.getByText("could not be read").waitFor();
      assert.equal(await starredCount(page), "0");
      await star(page, KIM_2019).click();
      const kept = await page.evaluate((key) => [localStorage.getItem(key), localStorage.getItem(`${key}:unreadable`)], KEY);
      assert.equal(kept[1], stored, "the unreadable value is kept aside");
      assert.match(kept[0], /^dateline-stars=1&/);
      // Dismissed, it stays away; the new star was kept.
      await page.getByRole("button", { name: "Dismiss" }).click();
      await page.reload();
      await untilMounted(page);
      assert.equal(await pressed(star(page, KIM_2019)), "true");
      assert.equal(await page.getByText("could not be read").count(), 0);
      assert.deepEqual(page.errors, [], stored);
      await page.context().close();
    }
  });
});

// A browser that keeps nothing for the page: stars work until the page closes, and it says so.
test("a browser without storage keeps stars for the page and says so", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await page.context().addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The user denied storage", "SecurityError");
        },
      });
    });
    await gotoApp(page, url);
    await page.getByText("cannot be kept in this browser").waitFor();
    await star(page, KIM_2019).click();
    assert.equal(await pressed(star(page, KIM_2019)), "true");
    assert.equal(await starredCount(page), "1");
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

// axe-core finds nothing with stars, the filter, a note field and the Stars menu, in light and
// dark, nor in a shared collection with its bar and a link's note, nor in the Recent menu.
test("axe-core finds no violations with stars and a note, light and dark", async () => {
  await withServer("/", async ({ url }) => {
    for (const colorScheme of ["light", "dark"]) {
      const page = await openPage(browser, { colorScheme, viewport: { width: 1280, height: 800 } });
      await gotoApp(page, `${url}?a=${KIM_2019}`);
      await page.locator(".reader-star .star-toggle").click();
      await page.getByLabel("Your note").fill("A note");
      await page.getByLabel("Starred").check();
      await page.getByText("1 of 5 articles matches").waitFor();
      // With the toolbar's Stars menu open (its link button and file field).
      await page.locator(".stars-menu summary").click();
      assert.deepEqual(await audit(page), [], colorScheme);
      // A shared collection: its bar, and a link's note in the reader; the Recent menu open.
      const set = `set=${shortId(KIM_2019)},${shortId(KREMLIN)}&note=${shortId(KIM_2019)}:A+note`;
      await page.goto(`${url}?${set}&a=${KIM_2019}`);
      await page.getByText("A shared collection: 2 articles").waitFor();
      await page.locator(".shared-note").waitFor();
      await page.locator(".recent-menu summary").click();
      assert.deepEqual(await audit(page), [], `${colorScheme}, shared`);
      assert.deepEqual(page.errors, []);
      await page.context().close();
    }
  });
});

const REFUGEES = "2016-02-04-russia-signs-deal-to-hand-over-north-korean";

/** A page whose clipboard the test can read. */
async function clipboardPage(url) {
  const page = await openPage(browser);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: new URL(url).origin });
  return page;
}

/** Stars `slug` in the reader and writes `note` on it (none when empty). */
async function starWithNote(page, url, slug, note) {
  await page.goto(`${url}?a=${slug}`);
  await page.locator(".reader-star .star-toggle[aria-pressed=false]").click();
  if (note) await page.getByLabel("Your note").fill(note);
}

/** Chooses a Stars menu action and returns what the toolbar says after it. */
async function copyStarredLink(page) {
  await page.locator(".stars-menu summary").click();
  await page.locator(".share-starred").click();
  await page.locator(".copy-status", { hasText: "copied" }).waitFor();
  return {
    said: await page.locator(".copy-status").innerText(),
    link: await page.evaluate(() => navigator.clipboard.readText()),
  };
}

// "Share starred" copies a short link that opens the same articles, with the notes, in a fresh
// browser; there they can be starred in one click, notes included.
test("a link to the starred articles opens the same set, notes included, in a fresh browser", async () => {
  await withServer("/", async ({ url }) => {
    const page = await clipboardPage(url);
    await gotoApp(page, url);
    await starWithNote(page, url, KIM_2019, "Compare with the Vladivostok reports.");
    await starWithNote(page, url, KREMLIN, "");
    const { said, link } = await copyStarredLink(page);
    assert.equal(said, "Link to the 2 starred articles copied, with 1 note.");
    const query = new URL(link).search;
    assert.match(query, /^\?set=[0-9a-z]{8}%2C[0-9a-z]{8}&note=[0-9a-z]{8}%3ACompare/);
    assert.ok(link.length < 200, `a short link: ${link}`);
    await page.context().close();

    const fresh = await openPage(browser);
    await gotoApp(fresh, link);
    await fresh.getByText("A shared collection: 2 articles, one with a note").waitFor();
    assert.equal(await count(fresh), "2 of 5 articles match");
    await fresh.locator(`.entry-link[data-slug="${KIM_2019}"]`).click();
    assert.equal(
      await fresh.locator(".shared-note").innerText(),
      "Note in the shared link: Compare with the Vladivostok reports.",
    );
    assert.equal(await starredCount(fresh), "0", "a shared link stars nothing by itself");
    await fresh.getByRole("button", { name: "Star them here" }).click();
    await fresh.getByText("Kept in this browser: 2 articles starred, 1 note added.").waitFor();
    assert.equal(await starredCount(fresh), "2");
    assert.equal(await fresh.getByLabel("Your note").inputValue(), "Compare with the Vladivostok reports.");
    await fresh.getByRole("button", { name: "Show every article" }).click();
    await fresh.getByText("5 articles", { exact: true }).waitFor();
    assert.deepEqual(fresh.errors, []);
    await fresh.context().close();
  });
});

// Notes too long for a link: the link carries the articles and says how to pass the notes on.
test("a link whose notes would be too long carries the articles only, and says so", async () => {
  await withServer("/", async ({ url }) => {
    const page = await clipboardPage(url);
    await gotoApp(page, url);
    for (const slug of [KIM_2019, KREMLIN, REFUGEES]) await starWithNote(page, url, slug, "A long note. ".repeat(70));
    const { said, link } = await copyStarredLink(page);
    assert.match(said, /^Link to the 3 starred articles copied without their notes: with them it would be [\d,]+ characters/);
    assert.match(said, /Export as JSON/);
    assert.doesNotMatch(link, /note=/);
    assert.match(new URL(link).search, /^\?set=/);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});

// A starred view's exports and printout carry the notes; its JSON export imports into another
// browser, stars and notes; a file that is not an export is refused with the reason.
test("export and print carry the notes, and an exported file imports elsewhere", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    await starWithNote(page, url, KIM_2019, "First line\nsecond line");
    await starWithNote(page, url, KREMLIN, "");
    await page.goto(`${url}?starred=1`);
    await page.getByText("2 of 5 articles match").waitFor();
    const exported = async (format) => {
      await page.locator(".export summary").click();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator(`.export-menu button[data-format=${format}]`).click(),
      ]);
      return readFile(await download.path(), "utf8");
    };
    const json = await exported("json");
    const parsed = JSON.parse(json);
    assert.match(parsed.title, /starred in this browser/);
    assert.deepEqual(
      parsed.articles.map((a) => [a.slug, a.note]),
      [[KIM_2019, "First line\nsecond line"], [KREMLIN, null]],
    );
    const csv = await exported("csv");
    assert.ok(csv.includes(`,"First line\nsecond line"\r\n`), csv);
    const md = await exported("md");
    assert.ok(md.includes("  > First line\n  > second line\n"), md);

    // The printout: each entry with its note.
    await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
    await page.emulateMedia({ media: "print" });
    const printed = page.locator(`.entry-link[data-slug="${KIM_2019}"] .entry-note`);
    assert.equal(await printed.innerText(), "First line\nsecond line");
    assert.match(await page.locator(".print-header").innerText(), /starred in this browser/);
    await page.context().close();

    // Another browser imports the file (the download is gone with its browser: a copy).
    const dir = await mkdtemp(join(tmpdir(), "dateline-import-"));
    await writeFile(join(dir, "dateline-view.json"), json);
    const other = await openPage(browser);
    await gotoApp(other, url);
    await other.locator(".stars-menu summary").click();
    await other.getByLabel("Import stars from a JSON export of another copy").setInputFiles(join(dir, "dateline-view.json"));
    await other.getByText("2 articles starred, 1 note added.").waitFor();
    assert.equal(await starredCount(other), "2");
    assert.equal(await pressed(star(other, KIM_2019)), "true");

    // Not an export: refused, with the reason; nothing changes.
    for (const [name, text, why] of [
      ["notes.json", "{ not json", "it is not JSON"],
      ["list.json", "[1, 2]", "it is not a JSON export of Dateline"],
      ["empty.json", "{\"articles\": [{\"headline\": \"x\"}]}", "it names no article"],
    ]) {
      await writeFile(join(dir, name), text);
      await other.locator(".stars-menu summary").click();
      await other.getByLabel("Import stars from a JSON export of another copy").setInputFiles(join(dir, name));
      await other.getByText(`${name} was not imported: ${why}`).waitFor();
    }
    assert.equal(await starredCount(other), "2");
    assert.deepEqual(other.errors, []);
    await other.context().close();
  });
});

// Recent views: each view the reader settles on (not each letter of a search) is listed, newest
// first, across a reload; one click reopens it. Unreadable storage is set aside with a notice.
test("the Recent menu lists the views settled on and reopens each", async () => {
  await withServer("/", async ({ url }) => {
    const page = await openPage(browser);
    await gotoApp(page, url);
    await page.locator(".recent-menu summary").click();
    await page.getByText("The views you open here are listed").waitFor();
    await page.locator(".recent-menu summary").click();

    await page.locator("#search-input").pressSequentially("visa", { delay: 30 });
    await page.getByText("of 5 articles").waitFor();
    await page.waitForTimeout(1600);
    await page.goto(`${url}?person=kim-jong-un&sort=newest`);
    await page.waitForTimeout(1600);
    await page.reload();
    await untilMounted(page);

    await page.locator(".recent-menu summary").click();
    const entries = page.locator(".recent-list a");
    assert.deepEqual(await entries.allInnerTexts(), ["person: Kim Jong Un", "search “visa”"]);
    assert.equal(await entries.first().getAttribute("aria-current"), "page");
    await entries.nth(1).click();
    await page.waitForURL((address) => address.search === "?q=visa");
    assert.equal(await page.locator("#search-input").inputValue(), "visa");
    assert.equal(await page.locator(".recent-menu").getAttribute("open"), null, "the menu folds");
    assert.deepEqual(page.errors, []);
    await page.context().close();

    // Unreadable: set aside, a notice, and the list starts afresh.
    const other = await openPage(browser);
    await other.context().addInitScript(() => {
      if (!sessionStorage.getItem("seeded")) {
        localStorage.setItem("dateline:recent:corpus", "garbage");
        sessionStorage.setItem("seeded", "1");
      }
    });
    await gotoApp(other, url);
    await other.getByText("The recent views kept in this browser could not be read").waitFor();
    assert.equal(await other.evaluate(() => localStorage.getItem("dateline:recent:corpus:unreadable")), "garbage");
    assert.deepEqual(other.errors, []);
    await other.context().close();
  });
});
