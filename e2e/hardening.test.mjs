// End-to-end: links from strangers. Two hundred garbled addresses (huge, binary, repeated and
// conflicting parameters, broken percent-encoding, any characters), each opened as a fresh page
// load: the page renders its timeline every time, with no page or console error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve } from "./support/server.mjs";
import { launch, openPage } from "./support/browser.mjs";

const COUNT = 200;

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A small seeded generator (mulberry32), so a failure names a URL that can be replayed. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYS = ["q", "a", "sort", "from", "to", "person", "place", "org", "outlet", "year", "tag", "x", "", "Q", "a[]"];
const VALUES = [
  () => "",
  () => "newest",
  () => "relevance",
  () => "2019-13",
  () => "0000-00",
  () => "9999",
  () => "-1",
  () => "kim-jong-un,vladimir-putin,,",
  () => "%",
  () => "%zz",
  () => "%E2%82",
  () => "%ED%A0%80", // an encoded lone surrogate
  () => "%00%01%7F%FF",
  () => "<script>alert(1)</script>",
  () => "javascript:alert(1)",
  () => "\u202Eevil\u200B",
  () => "🙂🇰🇵",
  () => '"unclosed phrase',
  () => "-",
  () => "a".repeat(20_000),
];

/** One garbled query string. */
function garbage(next) {
  const pick = (list) => list[Math.floor(next() * list.length)];
  const kind = next();
  if (kind < 0.1) {
    // Raw bytes, percent-encoded.
    const bytes = Array.from({ length: 1 + Math.floor(next() * 300) }, () => Math.floor(next() * 256));
    return bytes.map((b) => `%${b.toString(16).padStart(2, "0")}`).join("");
  }
  if (kind < 0.15) {
    // Thousands of parameters.
    return Array.from({ length: 2000 }, (_, i) => `${pick(KEYS)}=${i}`).join("&");
  }
  const pairs = Array.from({ length: Math.floor(next() * 12) }, () => {
    const value = pick(VALUES)();
    const encode = next() < 0.5 && !value.includes("%");
    return `${pick(KEYS)}${next() < 0.1 ? "" : "="}${encode ? encodeURIComponent(value) : value}`;
  });
  return pairs.join(pick(["&", "&&", ";", "&=&"]));
}

test(`${COUNT} garbled links each show the page`, async () => {
  // Hashed assets may be cached, as any static host lets them be, so each load is quick.
  const server = await serve({ headers: { "cache-control": "max-age=3600" } });
  try {
    const page = await openPage(browser);
    const next = random(20261123);
    let notices = 0;
    for (let i = 0; i < COUNT; i++) {
      const url = `${server.url}?${garbage(next)}`;
      const response = await page.goto(url);
      assert.equal(response.status(), 200, `status for link ${i}`);
      await page.locator(".results-count").waitFor({ state: "attached", timeout: 15_000 }).catch(() => {
        throw new Error(`link ${i} did not render: ${url.slice(0, 300)}`);
      });
      assert.ok((await page.locator("h1").count()) === 1, `link ${i}: no page heading`);
      notices += await page.locator(".notice").count();
      assert.deepEqual(page.errors, [], `link ${i}: ${url.slice(0, 300)}`);
    }
    // The garbage really was garbage: most links asked for something the page could not show.
    assert.ok(notices > COUNT / 4, `only ${notices} notices for ${COUNT} garbled links`);
  } finally {
    await server.close();
  }
});
