import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { chromium, type Browser, type Page } from "playwright-core";

const require = createRequire(import.meta.url);

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

let axeSource: string | null = null;

export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: unknown; failureSummary: string }>;
}

/**
 * Runs axe-core's WCAG 2.1 A and AA rules on the whole page, shadow roots
 * included. Evaluated through the DevTools protocol, so it also runs on
 * pages whose CSP forbids injected scripts.
 */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
}

/** The element that has focus, looking through shadow roots: "tag[name=value]". */
export function focusedElement(page: Page): Promise<string> {
  return page.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (!active) return "none";
    const input = active as HTMLInputElement;
    return `${active.tagName.toLowerCase()}${input.name ? `[${input.name}${input.type === "radio" ? `=${input.value}` : ""}]` : ""}`;
  });
}
