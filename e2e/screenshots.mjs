// Renders the README's screenshots of the built app: desktop light (a search narrowed by a person,
// an article open) and dark (a brushed date range), and a phone's timeline and reader.
// Usage: node e2e/screenshots.mjs [out-dir] (default docs/screenshots), after a release build.
import { mkdir } from "node:fs/promises";
import { serve } from "./support/server.mjs";
import { launch, openPage, gotoApp } from "./support/browser.mjs";

const out = process.argv[2] ?? "docs/screenshots";
const KIM = "2019-03-25-north-koreas-kim-may-visit-russia-to-meet";
const ARTICLE = `?a=${KIM}`;
const SHOTS = [
  {
    name: "desktop-light",
    colorScheme: "light",
    viewport: { width: 1280, height: 800 },
    query: `?q=vladivostok&person=vladimir-putin&a=${KIM}`,
  },
  {
    name: "desktop-dark",
    colorScheme: "dark",
    viewport: { width: 1280, height: 800 },
    query: "?from=2016-01&to=2024-12&sort=newest",
  },
  { name: "phone-timeline", colorScheme: "light", viewport: { width: 360, height: 740 }, query: "" },
  { name: "phone-reader", colorScheme: "dark", viewport: { width: 360, height: 740 } },
];

await mkdir(out, { recursive: true });
const server = await serve();
const browser = await launch();
try {
  for (const { name, colorScheme, viewport, query = ARTICLE } of SHOTS) {
    const page = await openPage(browser, { colorScheme, viewport });
    await gotoApp(page, server.url + query);
    await page.screenshot({ path: `${out}/${name}.png` });
    console.log(`${out}/${name}.png`);
  }
} finally {
  await browser.close();
  await server.close();
}
