import { mkdir } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { accessibilityViolations, focusedElement, launchBrowser } from "./support/browser.ts";
import { startStack, type Stack } from "./support/stack.ts";
import { documents } from "../src/shared/operations.ts";

const artefacts = new URL("../test-artifacts/", import.meta.url).pathname;

describe("<kinerja-survey> on the example site", () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    [stack, browser] = await Promise.all([startStack(), launchBrowser()]);
    await mkdir(artefacts, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });
  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 420, height: 900 } });
    await page.goto(`${stack.siteOrigin}/layanan-pbg.html`);
    await page.locator("kinerja-survey fieldset").first().waitFor();
  });

  async function expectAccessible(state: string) {
    const violations = await accessibilityViolations(page);
    expect(violations, `${state}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  }

  it("is accessible when empty, and takes a whole submission by keyboard alone", async () => {
    await expectAccessible("empty");
    const submitted = page.evaluate(() => new Promise((resolve) => document.addEventListener("kinerja-submitted", (e) => resolve((e as CustomEvent).detail), { once: true })));
    // Tab from the top of the page to the first answer.
    for (let i = 0; i < 40 && (await focusedElement(page)) !== "input[U1=1]"; i++) await page.keyboard.press("Tab");
    expect(await focusedElement(page)).toBe("input[U1=1]");
    // Submitting with nothing answered shows the errors and moves focus to the first question.
    for (let i = 0; i < 60 && !(await focusedElement(page)).startsWith("button"); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("kinerja-survey fieldset[aria-invalid='true']").count()).toBe(9);
    expect(await focusedElement(page)).toBe("input[U1=1]");
    await expectAccessible("invalid");
    // Answer each element: arrows move within a group and select, Tab goes to the next group.
    for (let question = 1; question <= 9; question++) {
      expect(await focusedElement(page)).toMatch(new RegExp(`^input\\[U${question}=`));
      await page.keyboard.press("ArrowDown"); // 2
      await page.keyboard.press("ArrowDown"); // 3
      if (question % 2) await page.keyboard.press("ArrowDown"); // 4
      await page.keyboard.press("Tab");
    }
    await page.keyboard.type("Media sosial Pemkot");
    for (let i = 0; i < 20 && !(await focusedElement(page)).startsWith("button"); i++) await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await submitted).toMatchObject({ survey: "salatiga-dpmptsp-pbg", duplicate: false });
    await page.locator("kinerja-survey [part='thanks']").waitFor();
    await expectAccessible("thanks");
    const stored = await stack.db.prisma.surveyResponse.findMany({ where: { survey: { slug: "salatiga-dpmptsp-pbg" } } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.answers).toEqual([4, 3, 4, 3, 4, 3, 4, 3, 4]);
    expect(stored[0]!.extraAnswers).toEqual({ "0": "Media sosial Pemkot" });
    await page.screenshot({ path: `${artefacts}survey-id-thanks.png`, fullPage: true });
  });

  async function answerAll() {
    for (let question = 1; question <= 9; question++) await page.locator(`kinerja-survey input[name=U${question}][value="3"]`).check();
  }

  it("is accessible while submitting", async () => {
    await answerAll();
    // Hold the submission at the network so the busy state can be checked.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`${stack.apiOrigin}/graphql`, async (route) => {
      if (route.request().postData()?.includes(`"${documents.submit}"`)) await held;
      await route.continue();
    });
    await page.locator("kinerja-survey [part='submit']").click();
    await expect.poll(() => page.locator("kinerja-survey form[aria-busy='true']").count()).toBe(1);
    await expectAccessible("submitting");
    release();
    await page.locator("kinerja-survey [part='thanks']").waitFor();
  });

  it("keeps the answers offline and sends them exactly once when the connection returns", async () => {
    const before = await stack.responses("salatiga-dpmptsp-pbg");
    await answerAll();
    await page.context().setOffline(true);
    await page.locator("kinerja-survey [part='submit']").click();
    await page.locator("kinerja-survey .notice").waitFor();
    await expectAccessible("offline");
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem("kinerja-survey-outbox") ?? "[]"));
    expect(kept).toHaveLength(1);
    // Kept with the time it was answered, so a later send counts in the period it was given in.
    expect(Date.now() - Date.parse(kept[0].input.answeredAt)).toBeLessThan(60_000);
    await page.screenshot({ path: `${artefacts}survey-id-offline.png`, fullPage: true });
    await page.context().setOffline(false);
    await page.locator("kinerja-survey [part='thanks']").waitFor();
    expect(await stack.responses("salatiga-dpmptsp-pbg")).toBe(before + 1);
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem("kinerja-survey-outbox") ?? "[]").length)).toBe(0);
    // Reloading the page sends nothing again.
    await page.reload();
    await page.locator("kinerja-survey fieldset").first().waitFor();
    expect(await stack.responses("salatiga-dpmptsp-pbg")).toBe(before + 1);
  });

  it("sends once even when the answer reached the server but the reply was lost", async () => {
    const before = await stack.responses("salatiga-dpmptsp-pbg");
    await answerAll();
    // The first submission is stored, then the connection drops before the reply arrives.
    let dropped = false;
    await page.route(`${stack.apiOrigin}/graphql`, async (route) => {
      if (!dropped && route.request().postData()?.includes(`"${documents.submit}"`)) {
        dropped = true;
        await route.fetch();
        await route.abort("internetdisconnected");
        return;
      }
      await route.continue();
    });
    await page.locator("kinerja-survey [part='submit']").click();
    await page.locator("kinerja-survey .notice").waitFor();
    expect(await stack.responses("salatiga-dpmptsp-pbg")).toBe(before + 1);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await page.locator("kinerja-survey [part='thanks']").waitFor();
    expect(await stack.responses("salatiga-dpmptsp-pbg")).toBe(before + 1);
  });

  it("speaks English with lang=\"en\"", async () => {
    await page.evaluate(() => document.querySelector("kinerja-survey")!.setAttribute("lang", "en"));
    await expect.poll(() => page.locator("kinerja-survey legend").first().textContent()).toContain("How well do the service requirements fit");
    expect(await page.locator("kinerja-survey [part='submit']").textContent()).toContain("Send answers");
    await expectAccessible("english");
    await page.screenshot({ path: `${artefacts}survey-en.png`, fullPage: true });
  });

  it("is captured in Bahasa Indonesia for the record", async () => {
    await page.screenshot({ path: `${artefacts}survey-id.png`, fullPage: true });
    expect(await page.locator("kinerja-survey [part='submit']").textContent()).toContain("Kirim jawaban");
  });
});
