import { css } from "lit";

export const reportStyles = css`
  .unit {
    padding: 0.75em 0;
    border-top: 1px solid var(--kinerja-color-border, #c5ccd3);
  }
  h4,
  h5 {
    margin: 1em 0 0.5em;
    font-size: 0.95em;
  }
  h5 {
    font-size: 0.9em;
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9em;
  }
  caption {
    text-align: left;
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  th,
  td {
    text-align: left;
    padding: 0.3em 0.4em;
    border-bottom: 1px solid var(--kinerja-color-border, #c5ccd3);
    font-variant-numeric: tabular-nums;
  }
  .charts {
    display: flex;
    flex-wrap: wrap;
    gap: 1em;
  }
  .chart {
    margin: 0;
    flex: 1 1 16em;
  }
  .chart svg {
    width: 100%;
    height: auto;
    display: block;
  }
  figcaption {
    font-size: 0.85em;
    color: var(--kinerja-color-muted, #52606d);
  }
  .bar {
    fill: var(--kinerja-color-primary, #0b5cad);
  }
  .track {
    fill: var(--kinerja-color-track, #e4e7eb);
  }
  .axis {
    stroke: var(--kinerja-color-border, #c5ccd3);
  }
  text {
    font-size: 11px;
    fill: var(--kinerja-color-text, #1f2933);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .items li {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0.5em;
    margin-bottom: 0.5em;
  }
  .code {
    font-weight: 700;
  }
  .profile {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25em 1em;
    margin: 0;
    font-size: 0.9em;
  }
  .profile dt {
    font-weight: 600;
  }
  .profile dd {
    margin: 0;
  }
`;
