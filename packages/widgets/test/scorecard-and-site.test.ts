import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, launchBrowser } from "./support/browser.ts";
import { startStack, type Stack } from "./support/stack.ts";

const artefacts = new URL("../test-artifacts/", import.meta.url).pathname;

describe("<kinerja-scorecard> and the example site", () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    await mkdir(artefacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function openPage(path: string, lang?: "en"): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 900, height: 1000 } });
    await page.goto(`${stack.siteOrigin}${path}`);
    if (lang) await page.evaluate((l) => document.querySelectorAll("kinerja-survey, kinerja-scorecard").forEach((e) => e.setAttribute("lang", l)), lang);
    return page;
  }

  async function answerAndSend(page: Page, score: number) {
    await page.locator("kinerja-survey fieldset").first().waitFor();
    for (let q = 1; q <= 9; q++) await page.locator(`kinerja-survey input[name=U${q}][value="${score}"]`).check();
    await page.locator("kinerja-survey [part='submit']").click();
    await page.locator("kinerja-survey [part='thanks']").waitFor();
    await page.locator("kinerja-survey button").click(); // "Isi survei lagi"
  }

  it("shows the IKM once 5 citizens answered, and updates live each time 5 more did", async () => {
    const board = await openPage("/transparansi.html");
    const dinkes = board.locator("kinerja-scorecard[unit='dinas-kesehatan']");
    await expect.poll(() => dinkes.locator(".note").first().textContent()).toContain("minimal 5 responden");
    expect(await accessibilityViolations(board)).toEqual([]);
    const citizen = await openPage("/csp-ketat.html");
    for (let i = 0; i < 5; i++) await answerAndSend(citizen, 4);
    // All 4s: IKM 100,00 (grade A), on the open board, without reloading it.
    await expect.poll(() => dinkes.locator("[part='ikm']").textContent(), { timeout: 10_000 }).toBe("100,00");
    // One more response moves nothing: nobody can read off what that citizen answered.
    await answerAndSend(citizen, 1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await dinkes.locator("[part='ikm']").textContent()).toBe("100,00");
    for (let i = 0; i < 4; i++) await answerAndSend(citizen, 1);
    // Five new ones move it: Σ = 5 × 36 + 5 × 9 = 225 over 10 responses: SKM 2.5, IKM 62,50 (D).
    await expect.poll(() => dinkes.locator("[part='ikm']").textContent(), { timeout: 10_000 }).toBe("62,50");
    expect(await dinkes.locator(".grade").textContent()).toBe("D");
    expect(await dinkes.locator("meter").count()).toBe(9);
    // A unit with two services shows its IKM across both: 5 answers of 4 and 5 of 2 pool to 75,00.
    const dpmptsp = board.locator("kinerja-scorecard[unit='dpmptsp']");
    expect(await dpmptsp.locator("[part='unit-ikm']").textContent()).toBe("75,00");
    expect(await dinkes.locator("[part='unit-ikm']").count()).toBe(0);
    // The unit's follow-up plan, with its status.
    expect((await dinkes.locator(".follow-up li").textContent())?.replace(/\s+/g, " ")).toMatch(/U3 Menambah petugas loket imunisasi pada hari posyandu ?Kepala Seksi Imunisasi · Target \d{4}-12-31 Berjalan/);
    // What it promised at a community forum, kept.
    expect((await dinkes.locator(".commitments li").textContent())?.replace(/\s+/g, " ")).toMatch(/Posyandu balita buka sore di RW 07 Musyawarah Kelurahan Kalicacing, Balai Kelurahan Kalicacing, \d{4}-01-20 · 58 peserta Berjalan sejak Maret, jadwal di papan kelurahan Ditepati/);
    expect(await accessibilityViolations(board)).toEqual([]);
    await board.screenshot({ path: `${artefacts}scorecard-id.png`, fullPage: true });
    const english = await openPage("/transparansi.html", "en");
    const en = english.locator("kinerja-scorecard[unit='dinas-kesehatan']");
    await expect.poll(() => en.locator("[part='ikm']").textContent()).toBe("62.50");
    expect(await en.locator("h4").first().textContent()).toBe("Score per element");
    expect(await en.locator(".follow-up .status").textContent()).toBe("In progress");
    expect(await en.locator(".commitments .status").textContent()).toBe("Kept");
    expect(await accessibilityViolations(english)).toEqual([]);
    await english.screenshot({ path: `${artefacts}scorecard-en.png`, fullPage: true });
  });

  it("works under script-src 'self'; style-src 'self' with no violation", async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to: ${e.violatedDirective} ${e.blockedURI}`)));
    const response = await page.goto(`${stack.siteOrigin}/csp-ketat.html`);
    expect(response!.headers()["content-security-policy"]).toMatch(/script-src 'self';.*style-src 'self';/);
    await page.locator("kinerja-survey fieldset").first().waitFor();
    await page.locator("kinerja-scorecard h2").waitFor();
    await answerAndSend(page, 3);
    expect(violations).toEqual([]);
  });

  it("survives a hostile page stylesheet, and its own styles do not leak out", async () => {
    const page = await openPage("/layanan-pbg.html");
    await page.locator("kinerja-survey fieldset").first().waitFor();
    const legendStyle = () =>
      page.locator("kinerja-survey legend").first().evaluate((el) => {
        const s = getComputedStyle(el);
        return { font: s.fontSize, color: s.color, transform: s.textTransform, display: s.display };
      });
    const before = await legendStyle();
    // Served from the site itself, so the page's strict CSP lets it in like any site stylesheet.
    await page.route(`${stack.siteOrigin}/hostile.css`, (route) =>
      route.fulfill({
        contentType: "text/css",
        body: `* { font-size: 40px !important; color: red !important; text-transform: uppercase !important; letter-spacing: 1em !important; }
               fieldset, legend, input, label, button, form { display: none !important; }
               kinerja-survey { font-family: "Comic Sans MS" !important; line-height: 5 !important; }`,
      }),
    );
    await page.addStyleTag({ url: `${stack.siteOrigin}/hostile.css` });
    expect(await page.locator("h2").first().evaluate((el) => getComputedStyle(el).fontSize)).toBe("40px"); // it did apply to the page
    expect(await legendStyle()).toEqual(before);
    expect(await page.locator("kinerja-survey input[name=U1]").first().isVisible()).toBe(true);
    await page.screenshot({ path: `${artefacts}survey-hostile-page.png`, fullPage: true });
    // The other way round: the widget's button styles stay inside it.
    const outside = await page.evaluate(() => {
      const button = document.createElement("button");
      button.textContent = "Tombol situs";
      document.querySelector("main")!.append(button);
      return getComputedStyle(button).backgroundColor;
    });
    expect(outside).not.toBe("rgb(10, 90, 60)");
  });

  it("has an accessibility check that does catch violations", async () => {
    const page = await openPage("/index.html");
    await page.evaluate(() => {
      const image = document.createElement("img");
      image.src = "/logo.svg";
      document.querySelector("main")!.append(image); // no alt text
    });
    expect((await accessibilityViolations(page)).map((v) => v.id)).toContain("image-alt");
  });
});
