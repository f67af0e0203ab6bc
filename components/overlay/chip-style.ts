export const CHIP_CSS = `
.chip { position: fixed; transform: translateX(-100%); font: 600 11px/16px system-ui, sans-serif;
  padding: 0 5px; border-radius: 8px; color: #fff; white-space: nowrap; box-shadow: 0 1px 2px rgba(0,0,0,.25); }
.chip.ok { background: #188038; }
.chip.soon { background: #e37400; }
.chip.late { background: #d93025; }
.degraded { position: fixed; top: 8px; right: 8px; font: 12px/18px system-ui, sans-serif; padding: 2px 8px;
  border-radius: 4px; background: #fef7e0; color: #7a4f01; border: 1px solid #f29900; }
`;
