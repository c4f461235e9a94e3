import { css } from "lit";

export const scorecardStyles = css`
  h4 {
    margin: 1rem 0 0.5rem;
    font-size: 0.95em;
  }
  .survey {
    padding: 0.75rem 0;
    border-top: 1px solid var(--kinerja-color-border, #c5ccd3);
  }
  .headline {
    display: flex;
    align-items: center;
    gap: 0.75rem;
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
    width: 2.25rem;
    height: 2.25rem;
    border-radius: 50%;
    font-weight: 700;
    color: var(--kinerja-color-on-primary, #ffffff);
    background: var(--kinerja-color-primary, #0b5cad);
  }
  .note {
    margin-top: 0.5rem;
    padding: 0.5rem 0.75rem;
    border-radius: var(--kinerja-radius, 0.5rem);
    background: var(--kinerja-color-notice, #fff4d6);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .elements li {
    display: grid;
    grid-template-columns: 2.5rem 1fr 3rem;
    align-items: center;
    gap: 0.5rem;
    margin-bottom: 0.25rem;
  }
  .value {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .trend {
    border-collapse: collapse;
    width: 100%;
    max-width: 28rem;
  }
  .trend th,
  .trend td {
    text-align: left;
    padding: 0.25rem 0.5rem 0.25rem 0;
    font-weight: normal;
    font-variant-numeric: tabular-nums;
  }
  .indicators li {
    margin-bottom: 0.75rem;
  }
  .indicators p {
    margin: 0 0 0.25rem;
  }
  .predikat li {
    display: flex;
    justify-content: space-between;
    max-width: 28rem;
    padding: 0.25rem 0;
    border-bottom: 1px solid var(--kinerja-color-border, #c5ccd3);
  }
  .live::before {
    content: "● ";
    color: #1a7f37;
  }
`;
