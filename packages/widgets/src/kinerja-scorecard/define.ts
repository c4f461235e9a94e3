import { KinerjaScorecard } from "./kinerja-scorecard.ts";

// Defines the tag once, even if a page loads the bundle twice.
if (!customElements.get("kinerja-scorecard")) customElements.define("kinerja-scorecard", KinerjaScorecard);

declare global {
  interface HTMLElementTagNameMap {
    "kinerja-scorecard": KinerjaScorecard;
  }
}

export { KinerjaScorecard };
