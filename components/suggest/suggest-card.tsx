import { render } from 'preact';
import { signal, useSignal, type Signal } from '@preact/signals';
import type { Suggestion } from '@/lib/messaging/protocol';

export interface SuggestTexts {
  title: (count: number) => string;
  variable: (name: string) => string;
  insert: string;
  inserted: string;
  undo: string;
  fillFirst: string;
}

export interface SuggestCardState {
  suggestions: Signal<Suggestion[]>;
  /** Where the card sits: just above the chat input (viewport px), or null to hide. */
  anchor: Signal<{ left: number; bottom: number; width: number } | null>;
}

const CSS = `
.card { position: fixed; pointer-events: auto; max-width: 420px; font: 12px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", sans-serif;
  background: #fff; color: #202124; border: 1px solid #dadce0; border-radius: 8px; box-shadow: 0 2px 8px rgba(0,0,0,.18); }
.card summary { cursor: pointer; padding: 4px 10px; color: #1a73e8; font-weight: 600; }
.card ol { list-style: none; margin: 0; padding: 0 6px 6px; outline: none; }
.card li { padding: 4px 6px; border-radius: 4px; cursor: pointer; }
.card li[aria-selected="true"] { background: #e8f0fe; }
.card .vars { display: flex; flex-wrap: wrap; gap: 4px; margin-top: 4px; }
.card .vars input { font: inherit; width: 120px; }
.card .done { padding: 4px 10px; color: #137333; }
.card button { font: inherit; border: 0; border-radius: 4px; padding: 1px 8px; background: #1a73e8; color: #fff; cursor: pointer; }
.card button[disabled] { background: #dadce0; cursor: default; }
`;

/** Fill the placeholders the agent typed values for; plain text only. */
export function fillMissing(text: string, values: Record<string, string>): { text: string; missing: string[] } {
  const missing: string[] = [];
  const filled = text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name]?.trim();
    if (value) return value.slice(0, 60);
    missing.push(name);
    return whole;
  });
  return { text: filled, missing };
}

function Card({ state, texts, onInsert }: { state: SuggestCardState; texts: SuggestTexts; onInsert: (text: string, templateId: string) => { undo(): void } | null }) {
  const selected = useSignal(0);
  const values = useSignal<Record<string, string>>({});
  const done = useSignal<{ undo(): void } | null>(null);
  const anchor = state.anchor.value;
  const list = state.suggestions.value;
  if (!anchor || list.length === 0) return null;
  const index = Math.min(selected.value, list.length - 1);
  const insert = (i: number) => {
    const s = list[i]!;
    const filled = fillMissing(s.text, values.value);
    if (filled.missing.length > 0) {
      selected.value = i;
      return;
    }
    done.value = onInsert(filled.text, s.templateId);
    values.value = {};
  };
  return (
    <details class="card" data-testid="suggest-card" style={{ left: `${anchor.left}px`, bottom: `${anchor.bottom}px` }}>
      <summary>{texts.title(list.length)}</summary>
      {done.value && (
        <div class="done">
          {texts.inserted}{' '}
          <button type="button" data-testid="suggest-undo" onClick={() => (done.value?.undo(), (done.value = null))}>
            {texts.undo}
          </button>
        </div>
      )}
      <ol
        tabIndex={0}
        role="listbox"
        data-testid="suggest-list"
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            selected.value = (index + (e.key === 'ArrowDown' ? 1 : list.length - 1)) % list.length;
          } else if (e.key === 'Enter') {
            e.preventDefault();
            insert(index);
          }
        }}
      >
        {list.map((s, i) => {
          const filled = fillMissing(s.text, values.value);
          return (
            <li key={s.templateId} role="option" aria-selected={i === index} data-testid="suggestion" data-template={s.templateId} onClick={() => (selected.value = i)}>
              {filled.text}
              {i === index && (
                <div class="vars">
                  {s.missing.map((name) => (
                    <input
                      key={name}
                      data-testid={`suggest-var-${name}`}
                      placeholder={texts.variable(name)}
                      aria-label={texts.variable(name)}
                      value={values.value[name] ?? ''}
                      onInput={(e) => (values.value = { ...values.value, [name]: e.currentTarget.value })}
                      onKeyDown={(e) => e.stopPropagation()}
                    />
                  ))}
                  <button type="button" data-testid="suggest-insert" disabled={filled.missing.length > 0} title={filled.missing.length > 0 ? texts.fillFirst : ''} onClick={(e) => (e.stopPropagation(), insert(i))}>
                    {texts.insert}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ol>
    </details>
  );
}

/** The in-page reply suggestions, in their own shadow root; inserting happens only on the agent's click or Enter. */
export function mountSuggestCard(doc: Document, texts: SuggestTexts, onInsert: (text: string, templateId: string) => { undo(): void } | null): { state: SuggestCardState; destroy(): void } {
  const host = doc.createElement('kefu-guard-suggest');
  host.setAttribute('style', 'position:fixed;inset:0;pointer-events:none;z-index:2147483646;display:block;');
  const shadow = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = CSS;
  const mount = doc.createElement('div');
  shadow.append(style, mount);
  doc.documentElement.append(host);
  const state: SuggestCardState = { suggestions: signal([]), anchor: signal(null) };
  render(<Card state={state} texts={texts} onInsert={onInsert} />, mount);
  return {
    state,
    destroy() {
      render(null, mount);
      host.remove();
    },
  };
}
