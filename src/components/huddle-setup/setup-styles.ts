/** Layout shared by the set-up steps: labelled fields in a row, the preview table, the board tree. */
import { css } from 'lit';

export const setupStyles = css`
  .fields {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
    align-items: end;
  }
  .fields label {
    display: grid;
    gap: 0.25em;
    font-weight: 600;
  }
  h3 {
    margin: var(--_space) 0 0;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  th,
  td {
    text-align: start;
    padding: 0.4em;
    border-bottom: 1px solid var(--_border);
    vertical-align: top;
    overflow-wrap: anywhere;
  }
  tr.bad {
    background: var(--_surface-raised);
  }
  .problem {
    display: block;
    color: var(--_red);
    font-weight: 700;
  }
  :host([data-theme$='dark']) .problem {
    color: #fca5a5;
  }
  .depth-1 {
    margin-inline-start: 2em;
  }
  .depth-2 {
    margin-inline-start: 4em;
  }
  .depth-3,
  .depth-4 {
    margin-inline-start: 6em;
  }
  setup-person-data {
    flex-basis: 100%;
  }
  textarea {
    width: 100%;
    min-height: 8em;
  }
`;
