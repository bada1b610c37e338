import { css } from 'lit';

export const chatPanelStyles = css`
  .messages {
    max-height: 280px;
    overflow-y: auto;
    margin: 0 0 10px;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 2px;
  }

  .message {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 2px 8px;
    align-items: start;
    padding: 4px 6px;
    border-radius: 4px;
    overflow-wrap: anywhere;
  }

  .message:nth-child(odd) {
    background: var(--console-raised);
  }

  .author {
    font-weight: 700;
    margin-right: 4px;
  }

  .role {
    margin-right: 4px;
  }

  .time {
    margin-right: 6px;
    font-family: var(--console-mono);
    font-size: 11px;
    color: var(--console-muted);
  }

  .tools {
    display: flex;
    gap: 4px;
  }

  .tools button,
  .ban button,
  .pinned button,
  .banned button {
    min-height: 24px;
    padding: 1px 7px;
    font-size: 12px;
  }

  .ban {
    grid-column: 1 / -1;
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    align-items: center;
  }

  .pinned {
    display: flex;
    gap: 8px;
    align-items: flex-start;
    justify-content: space-between;
    margin-bottom: 8px;
    padding: 6px 8px;
    border: 1px solid var(--console-accent);
    border-radius: 6px;
    overflow-wrap: anywhere;
  }

  .say .name {
    width: 90px;
  }

  .note {
    margin-top: 8px;
    font-size: 13px;
  }

  .settings {
    margin-top: 10px;
  }

  .settings summary {
    cursor: pointer;
    font-weight: 600;
    color: var(--console-muted);
  }

  .settings form {
    margin-top: 8px;
  }

  .settings textarea {
    margin-bottom: 6px;
    resize: vertical;
  }

  .banned {
    margin: 8px 0 0;
    padding: 0;
    list-style: none;
    font-size: 13px;
  }

  .banned li {
    display: flex;
    gap: 8px;
    align-items: center;
  }
`;
