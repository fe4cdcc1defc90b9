// Renders screenshots of the built app for the README: desktop light and dark, and a phone,
// each with an article open. Usage: node e2e/screenshots.mjs [out-dir] (default docs/screenshots).
import { mkdir } from "node:fs/promises";
import { serve } from "./support/server.mjs";
import { launch, openPage, gotoApp } from "./support/browser.mjs";

const out = process.argv[2] ?? "docs/screenshots";
const ARTICLE = "?a=2019-03-25-north-koreas-kim-may-visit-russia-to-meet";
const SHOTS = [
  { name: "desktop-light", colorScheme: "light", viewport: { width: 1280, height: 800 } },
  { name: "desktop-dark", colorScheme: "dark", viewport: { width: 1280, height: 800 } },
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
