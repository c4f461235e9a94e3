import { KinerjaSurvey } from "./kinerja-survey.ts";

// Defines the tag once, even if a page loads the bundle twice.
if (!customElements.get("kinerja-survey")) customElements.define("kinerja-survey", KinerjaSurvey);

declare global {
  interface HTMLElementTagNameMap {
    "kinerja-survey": KinerjaSurvey;
  }
}

export { KinerjaSurvey };
