export const DRAFT_CSS = `
:host { all: initial; }
.mirror-clip { position: fixed; overflow: hidden; pointer-events: none; }
.mirror { position: absolute; left: 0; top: 0; color: transparent; white-space: pre-wrap; overflow-wrap: break-word; word-break: break-word; box-sizing: border-box; }
.hit { text-decoration-line: underline; text-decoration-style: wavy; text-decoration-skip-ink: none; text-underline-offset: 3px; }
.hit.block { text-decoration-color: #d93025; background: rgba(217, 48, 37, 0.08); }
.hit.warn { text-decoration-color: #e37400; background: rgba(227, 116, 0, 0.08); }
/* Rich editors: a rectangle over the host's glyphs with a zigzag along its bottom edge (no text of ours). */
.mark { position: absolute; box-sizing: border-box; text-decoration: none; }
.mark.block { color: #d93025; }
.mark.warn { color: #e37400; }
.mark::after { content: ""; position: absolute; left: 0; right: 0; bottom: -2px; height: 4px;
  background: linear-gradient(135deg, transparent 35%, currentColor 35% 60%, transparent 60%) 0 0 / 4px 4px repeat-x,
    linear-gradient(45deg, transparent 35%, currentColor 35% 60%, transparent 60%) 2px 0 / 4px 4px repeat-x; }
.card { position: fixed; pointer-events: auto; max-width: 420px; max-height: 40vh; overflow-y: auto; font: 12px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif;
  background: #fff; color: #202124; border: 1px solid #dadce0; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.18); }
.card header { display: flex; justify-content: space-between; align-items: center; padding: 4px 8px; border-bottom: 1px solid #f1f3f4; font-weight: 600; }
.card header button { font: inherit; border: 0; background: none; cursor: pointer; color: #5f6368; }
.finding { padding: 6px 8px; border-bottom: 1px solid #f1f3f4; }
.finding .cat { font-weight: 600; }
.finding.block .cat { color: #d93025; }
.finding.warn .cat { color: #e37400; }
.finding .quote { color: #5f6368; }
.finding .rewrite { margin-top: 2px; }
.finding button, .undo button, .confirm button { font: inherit; margin-top: 4px; padding: 2px 10px; border-radius: 4px; border: 1px solid #1a73e8; background: #1a73e8; color: #fff; cursor: pointer; }
.undo { padding: 6px 8px; color: #188038; }
.undo button { background: #fff; color: #1a73e8; margin-left: 8px; }
.confirm { position: fixed; inset: 0; pointer-events: auto; background: rgba(32,33,36,.35); display: flex; align-items: center; justify-content: center; font: 13px/1.6 system-ui, "PingFang SC", sans-serif; }
.confirm .box { background: #fff; border-radius: 8px; padding: 16px 20px; max-width: 420px; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.confirm .box h2 { font-size: 15px; margin: 0 0 8px; color: #d93025; }
.confirm .box ul { margin: 0 0 12px; padding-left: 18px; }
.confirm .actions { display: flex; gap: 8px; justify-content: flex-end; }
.confirm .secondary { background: #fff; color: #d93025; border-color: #d93025; }
.passed { position: fixed; pointer-events: none; font: 12px/18px system-ui, sans-serif; padding: 2px 8px; border-radius: 4px; background: #fef7e0; color: #7a4f01; border: 1px solid #f29900; }
`;
