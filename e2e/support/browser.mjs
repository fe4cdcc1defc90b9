// Launches Debian's Chromium (never a downloaded browser) headless through playwright-core,
// and opens pages that fail the test on any page error or console error.
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const EXECUTABLE = process.env.CHROMIUM ?? "/usr/bin/chromium";

// Playwright gives every launch a fresh temporary profile (--user-data-dir) of its own.
export async function launch() {
  return chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * A fresh browser context and page (like a new browser profile) that collects page and console
 * errors into `page.errors`, for the test to assert empty.
 */
export async function openPage(browser, { colorScheme = "light", viewport } = {}) {
  const context = await browser.newContext({ colorScheme, viewport });
  const page = await context.newPage();
  page.errors = [];
  page.on("pageerror", (e) => page.errors.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") page.errors.push(`console error: ${m.text()}`);
  });
  // The page holds a first screen written at build time until the app replaces it: a test acts
  // on the app, so a navigation returns once that screen is gone (at once for a page without).
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    await untilMounted(page);
    return response;
  };
  return page;
}

/** Waits until the app has replaced the prerendered first screen. */
export async function untilMounted(page, timeout = 15_000) {
  await page.waitForFunction(() => !document.querySelector("[data-prerendered]"), null, { timeout });
}

/** Loads `url` and waits until the app has rendered its timeline. */
export async function gotoApp(page, url) {
  await page.goto(url);
  // Attached, not visible: on a phone an open article hides the timeline.
  await page.locator(".timeline .entry").first().waitFor({ state: "attached", timeout: 15_000 });
}

/** Runs axe-core in the page and returns its violations, summarised. */
export async function audit(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ["violations"] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
}
