import { css } from "lit";

export const surveyStyles = css`
  form {
    display: grid;
    gap: 1em;
  }
  fieldset {
    margin: 0;
    padding: 0.75em;
    border: 1px solid var(--kinerja-color-border, #c5ccd3);
    border-radius: var(--kinerja-radius, 0.5em);
    min-width: 0;
  }
  fieldset[aria-invalid="true"] {
    border: 2px solid var(--kinerja-color-error, #b00020);
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .options {
    display: grid;
    gap: 0.25em;
    grid-template-columns: repeat(auto-fit, minmax(9em, 1fr));
    margin-top: 0.5em;
  }
  .option {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
    padding: 0.25em 0.5em;
    border-radius: var(--kinerja-radius, 0.5em);
    cursor: pointer;
  }
  .option:has(input:checked) {
    background: var(--kinerja-color-selected, #e3eefa);
    font-weight: 600;
  }
  input[type="radio"] {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    flex: none;
    accent-color: var(--kinerja-color-primary, #0b5cad);
  }
  .field {
    display: grid;
    gap: 0.25em;
    margin-bottom: 0.5em;
  }
  .field label {
    font-weight: 600;
  }
  input:not([type="radio"]),
  select,
  textarea {
    font: inherit;
    color: inherit;
    background: var(--kinerja-color-surface, #ffffff);
    border: 1px solid var(--kinerja-color-border-strong, #7b8794);
    border-radius: calc(var(--kinerja-radius, 0.5em) / 2);
    padding: 0.5em;
    min-height: 44px;
    width: 100%;
    max-width: 32em;
  }
  .error {
    margin: 0.5em 0 0;
  }
  .notice {
    padding: 0.75em;
    border-radius: var(--kinerja-radius, 0.5em);
    background: var(--kinerja-color-notice, #fff4d6);
  }
  .trap {
    position: absolute;
    left: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .thanks .ikm {
    font-size: 1.5em;
  }
`;
