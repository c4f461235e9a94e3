import { css } from "lit";

export const scorecardStyles = css`
  h4 {
    margin: 1em 0 0.5em;
    font-size: 0.95em;
  }
  .survey {
    padding: 0.75em 0;
    border-top: 1px solid var(--kinerja-color-border, #c5ccd3);
  }
  .headline {
    display: flex;
    align-items: center;
    gap: 0.75em;
    flex-wrap: wrap;
  }
  .ikm {
    font-size: 2.5em;
    font-weight: 700;
    line-height: 1;
    color: var(--kinerja-color-primary, #0b5cad);
  }
  .grade {
    display: inline-grid;
    place-items: center;
    width: 2.25em;
    height: 2.25em;
    border-radius: 50%;
    font-weight: 700;
    color: var(--kinerja-color-on-primary, #ffffff);
    background: var(--kinerja-color-primary, #0b5cad);
  }
  .note {
    margin-top: 0.5em;
    padding: 0.5em 0.75em;
    border-radius: var(--kinerja-radius, 0.5em);
    background: var(--kinerja-color-notice, #fff4d6);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .elements li,
  .follow-up li,
  .commitments li {
    display: grid;
    grid-template-columns: 2.5em 1fr 3em;
    align-items: center;
    gap: 0.5em;
    margin-bottom: 0.25em;
  }
  .follow-up li,
  .commitments li {
    grid-template-columns: 2.5em 1fr auto;
    align-items: start;
    margin-bottom: 0.5em;
  }
  /* No element code in front of a commitment. */
  .commitments li {
    grid-template-columns: 1fr auto;
  }
  .value {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .trend {
    border-collapse: collapse;
    width: 100%;
    max-width: 28em;
  }
  .trend th,
  .trend td {
    text-align: left;
    padding: 0.25em 0.5em 0.25em 0;
    font-weight: normal;
    font-variant-numeric: tabular-nums;
  }
  .indicators li {
    margin-bottom: 0.75em;
  }
  .indicators p {
    margin: 0 0 0.25em;
  }
  .predikat li {
    display: flex;
    justify-content: space-between;
    max-width: 28em;
    padding: 0.25em 0;
    border-bottom: 1px solid var(--kinerja-color-border, #c5ccd3);
  }
  .live::before {
    content: "● ";
    color: #1a7f37;
  }
`;
