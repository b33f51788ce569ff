/** Layout shared by the board's panels: a titled section, a list of bordered rows, forms. */
import { css } from 'lit';

export const panelStyles = css`
  :host {
    display: block;
    container-type: inline-size;
  }
  section {
    display: grid;
    gap: var(--_space);
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
  }
  h2 {
    margin: 0;
    font-size: var(--_size-large);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--_space);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: var(--_space);
    padding: var(--_space);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  .muted {
    color: var(--_text-muted);
  }
  .flag {
    font-weight: 700;
    color: var(--_red);
  }
  :host([data-theme$='dark']) .flag {
    color: #fca5a5;
  }
  form {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space);
  }
  legend {
    font-weight: 700;
    margin-bottom: var(--_space);
  }
  .wide {
    width: 100%;
  }
  /* A bordered item that stacks its lines: an escalation, an experiment's storyboard. */
  .card {
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: grid;
    gap: var(--_space);
    background: var(--_surface);
  }
  /* An item's title and its line of facts (owner, due, age, state). */
  .title {
    font-weight: 700;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0 calc(var(--_space) * 2);
    color: var(--_text-muted);
    font-size: var(--_size-small);
  }
  table {
    border-collapse: collapse;
  }
  th,
  td {
    text-align: start;
    padding: calc(var(--_space) / 2) var(--_space);
    border-bottom: 1px solid var(--_border);
  }
`;
