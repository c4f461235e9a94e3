import { css } from "lit";

/**
 * Shared look. `.root` resets every inherited property (`all: initial`), so a
 * host page's fonts, colours or text transforms cannot reach inside; sizes
 * are in px and em, never rem, so not even the page's root font size does.
 * Sites theme through the --kinerja-* custom properties and ::part() instead.
 */
export const baseStyles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .root {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--kinerja-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
    font-size: var(--kinerja-font-size, 16px);
    line-height: 1.5;
    color: var(--kinerja-color-text, #1f2933);
    background: var(--kinerja-color-surface, #ffffff);
    border: 1px solid var(--kinerja-color-border, #c5ccd3);
    border-radius: var(--kinerja-radius, 0.5em);
    padding: var(--kinerja-spacing, 1em);
  }
  .root *,
  .root *::before,
  .root *::after {
    box-sizing: border-box;
  }
  h2,
  h3 {
    margin: 0 0 0.5em;
    line-height: 1.25;
    color: var(--kinerja-color-heading, #102a43);
  }
  h2 {
    font-size: 1.25em;
  }
  h3 {
    font-size: 1.05em;
  }
  p {
    margin: 0 0 0.75em;
  }
  .muted {
    color: var(--kinerja-color-muted, #52606d);
    font-size: 0.9em;
  }
  .error {
    color: var(--kinerja-color-error, #b00020);
    font-weight: 600;
  }
  button {
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    color: var(--kinerja-color-on-primary, #ffffff);
    background: var(--kinerja-color-primary, #0b5cad);
    border: 2px solid transparent;
    border-radius: var(--kinerja-radius, 0.5em);
    padding: 0.6em 1.2em;
    min-height: 44px;
  }
  button[disabled] {
    cursor: progress;
    opacity: 0.8;
  }
  :focus-visible {
    outline: 3px solid var(--kinerja-color-focus, #f5a623);
    outline-offset: 2px;
  }
  meter {
    display: block;
    width: 100%;
    height: 0.75em;
  }
  meter::-webkit-meter-bar {
    background: var(--kinerja-color-track, #e4e7eb);
    border: 0;
    border-radius: 0.375em;
  }
  meter::-webkit-meter-optimum-value,
  meter::-webkit-meter-suboptimum-value,
  meter::-webkit-meter-even-less-good-value {
    background: var(--kinerja-color-primary, #0b5cad);
    border-radius: 0.375em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;

/** Fires a `kinerja-*` event that bubbles out of the shadow root. */
export function emit<T>(element: HTMLElement, name: string, detail: T) {
  element.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
