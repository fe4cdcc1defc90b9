// Launches Debian's Chromium (never a downloaded browser) headless through playwright-core,
// and opens pages that fail the test on any page error or console error.
import { chromium } from "playwright-core";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const EXECUTABLE = process.env.CHROMIUM ?? "/usr/bin/chromium";

export async function launch() {
  const profile = await mkdtemp(join(tmpdir(), "dateline-chromium-"));
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
      `--user-data-dir=${profile}`,
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
  return page;
}

/** Loads `url` and waits until the app has rendered its timeline. */
export async function gotoApp(page, url) {
  await page.goto(url);
  await page.locator(".timeline .entry").first().waitFor({ timeout: 15_000 });
}
