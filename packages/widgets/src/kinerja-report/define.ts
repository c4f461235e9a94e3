import { KinerjaReport } from "./kinerja-report.ts";

// Defines the tag once, even if a page loads the bundle twice.
if (!customElements.get("kinerja-report")) customElements.define("kinerja-report", KinerjaReport);

declare global {
  interface HTMLElementTagNameMap {
    "kinerja-report": KinerjaReport;
  }
}

export { KinerjaReport };
