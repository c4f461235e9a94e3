import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { accessibilityViolations, launchBrowser } from "./support/browser.ts";
import { startStack, type Stack } from "./support/stack.ts";

// The survey's own page on the API (what the counter poster's QR opens) in
// kiosk mode, as a tablet in the service room runs it: under the page's
// strict policy, it takes one citizen's answers, thanks them and empties
// itself for the next, and a form left half-done empties itself too.

describe("the standalone survey page in kiosk mode", () => {
  let stack: Stack;
  let browser: Browser;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function openKiosk(lang: "id" | "en") {
    const page = await browser.newPage({ viewport: { width: 800, height: 1100 } });
    const violations: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
    });
    await page.addInitScript(() => document.addEventListener("securitypolicyviolation", (e) => console.error(`Refused to: ${e.violatedDirective} ${e.blockedURI}`)));
    const response = await page.goto(`${stack.apiOrigin}/s/salatiga-dinkes-imunisasi?kiosk${lang === "en" ? "&lang=en" : ""}`);
    expect(response!.headers()["content-security-policy"]).toContain("default-src 'none'");
    await page.locator("kinerja-survey fieldset").first().waitFor();
    // Short waits for the test (set through DevTools, which the page's policy does not govern).
    await page.evaluate(() => Object.assign(document.querySelector("kinerja-survey")!, { kioskReset: 1, kioskIdle: 2 }));
    return { page, violations };
  }

  const emptied = (page: Page) =>
    page.locator("kinerja-survey").evaluate((el) => {
      const root = el.shadowRoot!;
      return {
        checked: root.querySelectorAll("input[type=radio]:checked").length,
        sex: root.querySelector<HTMLSelectElement>("select[name=sex]")!.value,
        age: root.querySelector<HTMLInputElement>("input[name=age]")!.value,
        suggestion: root.querySelector<HTMLTextAreaElement>("textarea")!.value,
      };
    });
  const empty = { checked: 0, sex: "", age: "", suggestion: "" };

  it("thanks a citizen and opens an empty form for the next, without a policy violation", async () => {
    const { page, violations } = await openKiosk("id");
    expect(await accessibilityViolations(page)).toEqual([]);
    const before = await stack.responses("salatiga-dinkes-imunisasi");
    for (let question = 1; question <= 9; question++) await page.locator(`kinerja-survey input[name=U${question}][value="4"]`).check();
    await page.locator("kinerja-survey select[name=sex]").selectOption("PEREMPUAN");
    await page.locator("kinerja-survey input[name=age]").fill("41");
    await page.locator("kinerja-survey textarea").fill("Petugas ramah");
    await page.locator("kinerja-survey [part='submit']").click();
    const thanks = page.locator("kinerja-survey [part='thanks']");
    await thanks.waitFor();
    expect(await thanks.textContent()).toContain("Formulir kosong untuk responden berikutnya terbuka dalam 1 detik.");
    expect(await accessibilityViolations(page)).toEqual([]);
    // The next citizen meets an empty form, on its own.
    await page.locator("kinerja-survey fieldset").first().waitFor();
    expect(await emptied(page)).toEqual(empty);
    expect(await stack.responses("salatiga-dinkes-imunisasi")).toBe(before + 1);
    // And a second citizen on the same tablet counts as a second respondent.
    for (let question = 1; question <= 9; question++) await page.locator(`kinerja-survey input[name=U${question}][value="3"]`).check();
    await page.locator("kinerja-survey [part='submit']").click();
    await thanks.waitFor();
    expect(await stack.responses("salatiga-dinkes-imunisasi")).toBe(before + 2);
    expect(violations).toEqual([]);
  });

  it("empties a form a citizen walked away from", async () => {
    const { page, violations } = await openKiosk("en");
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await page.locator("kinerja-survey [part='submit']").textContent()).toContain("Send answers");
    await page.locator("kinerja-survey input[name=U1][value='2']").check();
    await page.locator("kinerja-survey select[name=sex]").selectOption("LAKI_LAKI");
    await page.locator("kinerja-survey textarea").fill("Antrean");
    expect(await emptied(page)).toEqual({ checked: 1, sex: "LAKI_LAKI", age: "", suggestion: "Antrean" });
    await expect.poll(() => emptied(page), { timeout: 6_000 }).toEqual(empty);
    expect(violations).toEqual([]);
  });
});
