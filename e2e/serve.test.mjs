// End-to-end: `scripts/serve.sh PATH` serves a researcher's own folder with live rebuilds. The
// test copies e2e/fixtures/own-articles to a scratch folder, serves it as a user would (the
// script, its setup and `trunk serve`), opens the page, then adds an article to the folder and
// sees it appear after the rebuild.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { launch, openPage, gotoApp } from "./support/browser.mjs";

const REPO = resolve(import.meta.dirname, "..");
// Away from 8080, which a developer's own `scripts/serve.sh` may hold.
const PORT = 8093;
const URL_ = `http://127.0.0.1:${PORT}/`;

let browser;
let server;
let folder;
let output = "";

/// Resolves once `check` returns true, polling every second, or rejects after `ms`.
async function until(check, ms, what) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    if (server.exitCode !== null) {
      throw new Error(`scripts/serve.sh exited (${server.exitCode}) before ${what}:\n${output.slice(-3000)}`);
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`no ${what} after ${ms / 1000} s; scripts/serve.sh said:\n${output.slice(-3000)}`);
}

/// The served page's HTML, once the build and its post-build hook (the prerendered screen) are done.
async function served() {
  const response = await fetch(URL_);
  const html = await response.text();
  return response.ok && html.includes("data-prerendered") ? html : "";
}

before(async () => {
  folder = mkdtempSync(join(tmpdir(), "dateline-serve-"));
  cpSync(join(REPO, "e2e/fixtures/own-articles"), folder, { recursive: true });
  // Its own process group, so the whole tree (the script, trunk, cargo) stops together. A release
  // build, which the test run has just made for the other pages: the first debug build of the app
  // would add minutes, and the script, its watch list and the rebuild are the same.
  // Its own dist folder: Trunk's default, dist/, holds the page the other tests open.
  server = spawn("scripts/serve.sh", [folder, "--port", String(PORT), "--release", "--dist", `${folder}-dist`], {
    cwd: REPO,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => (output += d));
  server.stderr.on("data", (d) => (output += d));
  // The first build of the debug app can take minutes on a cold machine.
  await until(async () => (await served()) !== "", 15 * 60_000, "page");
  browser = await launch();
}, { timeout: 16 * 60_000 });

after(async () => {
  await browser?.close();
  if (server && server.exitCode === null) {
    process.kill(-server.pid, "SIGTERM");
    await new Promise((r) => server.once("exit", r));
  }
  if (folder) {
    rmSync(folder, { recursive: true, force: true });
    rmSync(`${folder}-dist`, { recursive: true, force: true });
  }
});

test("scripts/serve.sh PATH serves the folder, and rebuilds when an article is added", { timeout: 10 * 60_000 }, async () => {
  assert.match(output, /Serving your articles from /);
  const page = await openPage(browser);
  await gotoApp(page, URL_);
  await page.getByText("5 articles", { exact: true }).waitFor();
  await page.locator("#search-input").fill("Politikern");
  await page.getByText("1 of 5 articles matches").waitFor();

  writeFileSync(
    join(folder, "hafen.txt"),
    "Russischer Hafen Rajin erhält neue Kräne\n\n" +
      "Die Politiker beider Länder besichtigten am Dienstag den Hafen von Rajin, wo neue Kräne den Umschlag beschleunigen sollen.\n",
  );
  // Trunk sees the change, the build script ingests the folder again, and the page is rebuilt.
  await until(async () => (await served()).includes("6 articles"), 8 * 60_000, "rebuild with the new article");
  // Trunk's live reload reloads the open page itself, at a moment of its choosing: a navigation
  // of that page could be interrupted by it, so the rebuilt page is opened in a fresh one.
  assert.deepEqual(page.errors, []);
  await page.context().close();
  const rebuilt = await openPage(browser);
  await gotoApp(rebuilt, URL_);
  await rebuilt.getByText("6 articles", { exact: true }).waitFor();
  await rebuilt.locator("#search-input").fill("Politikern");
  await rebuilt.getByText("2 of 6 articles match").waitFor();
  assert.deepEqual(rebuilt.errors, []);
});
