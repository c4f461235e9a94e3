import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, launchBrowser } from "./support/browser.ts";
import { startStack, type Stack } from "./support/stack.ts";

const artefacts = new URL("../test-artifacts/", import.meta.url).pathname;

// <kinerja-report> on the example site's report page, under the site's
// strict policy: the year's figures per unit and service, the charts with
// their text alternatives, who answered, follow-up and forum commitments.
// And a survey page never downloads the report's bundle.

describe("<kinerja-report> on the example site", () => {
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

  const year = new Date().getFullYear();

  async function openReport(lang: "id" | "en"): Promise<{ page: Page; violations: string[] }> {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to: ${e.violatedDirective} ${e.blockedURI}`)));
    const response = await page.goto(`${stack.siteOrigin}/laporan.html`);
    expect(response!.headers()["content-security-policy"]).toMatch(/style-src 'self';/);
    if (lang === "en") await page.evaluate(() => document.querySelector("kinerja-report")!.setAttribute("lang", "en"));
    await page.locator("kinerja-report table").first().waitFor();
    return { page, violations };
  }

  it("shows the year per unit and service, with charts a screen reader can read, in Bahasa Indonesia", async () => {
    const { page, violations } = await openReport("id");
    const report = page.locator("kinerja-report");
    expect(await report.locator("h2").textContent()).toBe(`Laporan Kinerja Pelayanan Publik ${year}`);
    // DPMPTSP: the NIB service (five answers of 4) and billboards (five of 2); PBG has none yet.
    const dpmptsp = report.locator("[part='unit']", { hasText: "Dinas Penanaman Modal" });
    const rows = await dpmptsp.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...(tr as HTMLTableRowElement).cells].map((cell) => cell.textContent!.trim()).join(" | ")));
    expect(rows).toEqual([
      "Penerbitan Persetujuan Bangunan Gedung (PBG) | Belum tampil (kurang dari batas minimal responden)",
      "Penerbitan NIB | 100,00 | A (Sangat Baik) | 5",
      "Izin Reklame | 50,00 | D (Tidak Baik) | 5",
    ]);
    // Each chart carries its figures as its accessible name.
    const charts = await dpmptsp.locator("svg[role='img']").evaluateAll((svgs) => svgs.map((svg) => svg.getAttribute("aria-label")));
    expect(charts).toContain(`Nilai per unsur ${year}: Penerbitan NIB: U1 4,00; U2 4,00; U3 4,00; U4 4,00; U5 4,00; U6 4,00; U7 4,00; U8 4,00; U9 4,00`);
    expect(charts).toContain(`Tren IKM per periode: Izin Reklame: Tahun ${year} 50,00`);
    // Who answered: five online, none said more about themselves; every group has five.
    const profile = (await dpmptsp.locator("dl.profile").first().textContent())!.replace(/\s+/g, " ");
    expect(profile).toContain("Cara mengisi Daring 5");
    expect(profile).toContain("Jenis kelamin Tidak mengisi 5");
    // Dinas Kesehatan: no result yet, but its follow-up plan and what it promised at a forum.
    const dinkes = report.locator("[part='unit']", { hasText: "Dinas Kesehatan" });
    expect((await dinkes.locator(".items li", { hasText: "U3" }).textContent())!.replace(/\s+/g, " ")).toMatch(/U3 Menambah petugas loket imunisasi pada hari posyandu ?Kepala Seksi Imunisasi · Target \d{4}-12-31 ?Berjalan/);
    expect((await dinkes.locator(".items li", { hasText: "Posyandu balita" }).textContent())!.replace(/\s+/g, " ")).toContain("Posyandu balita buka sore di RW 07");
    expect(await dinkes.locator("strong", { hasText: "Ditepati" }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(violations).toEqual([]);
    await page.screenshot({ path: `${artefacts}report-id.png`, fullPage: true });
  });

  it("speaks English with lang=\"en\", accessibly", async () => {
    const { page, violations } = await openReport("en");
    const report = page.locator("kinerja-report");
    await expect.poll(() => report.locator("h2").textContent()).toBe(`Public Service Performance Report ${year}`);
    expect(await report.locator("caption").first().textContent()).toBe(`IKM per service, ${year}`);
    const text = await report.locator("[part='report']").textContent();
    expect(text).toContain("How they answered");
    expect(text).toContain("Kept");
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(violations).toEqual([]);
    await page.screenshot({ path: `${artefacts}report-en.png`, fullPage: true });
  });

  it("is not downloaded by a page that embeds only the survey", async () => {
    const page = await browser.newPage();
    const scripts: string[] = [];
    page.on("request", (request) => {
      if (request.resourceType() === "script") scripts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${stack.siteOrigin}/layanan-pbg.html`);
    await page.locator("kinerja-survey fieldset").first().waitFor();
    expect(scripts).toContain("/widgets/kinerja-widgets.js");
    expect(scripts).not.toContain("/widgets/kinerja-report.js");
  });
});
