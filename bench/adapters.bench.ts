/**
 * Adapter read cost under happy-dom (no browser): for each platform with a chat reader, the initial
 * read of a 2,000-conversation list (built as tests/unit/adapters/*-read-chat.test.ts build theirs)
 * and one mutation batch (one row's text changed, then what the content script does per batch: row
 * cache, patch or full read + diff); and the after-sales list read of a 200-case list
 * where a list reader exists. Prints one JSON object to stdout.
 *
 * happy-dom is a slower DOM than Chromium's, so these are upper bounds for the browser.
 * Run through scripts/bench.mjs (`node --expose-gc --import tsx bench/adapters.bench.ts`).
 */
import { Window } from 'happy-dom';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { diffChat, type ChatRead } from '../lib/adapters/diff';
import { cachedChatReading } from '../lib/content/chat-reading';
import { douyinAdapter } from '../lib/adapters/douyin';
import { jdAdapter } from '../lib/adapters/jd';
import { kuaishouAdapter } from '../lib/adapters/kuaishou';
import { pddAdapter } from '../lib/adapters/pinduoduo';
import type { AfterSaleRead, ConsoleAdapter } from '../lib/adapters/registry-types';
import { taobaoAdapter } from '../lib/adapters/taobao';
import { ITERATIONS, WARMUPS, measure, summarise, type Summary } from './stats';

const gc = (globalThis as { gc?: () => void }).gc;

const NOW = Date.parse('2026-11-24T10:05:00+08:00');
// diffChat fingerprints a wait by its start, Date.now() - waitingMs, in 2 s steps. These pages are
// static (their wait texts do not tick), so on a running clock every waiting row would "change"
// each 2 s; a frozen clock keeps every batch the same one-row change. performance.now() is untouched.
Date.now = () => NOW;
const ROWS = 2_000;
const CASES = 200;
/**
 * The row each mutation batch changes (999 % 3 === 0: a waiting row where the list shows waits): its
 * preview (JD, Douyin) or its wait restarting at 5 s after a new buyer message (PDD, Kuaishou).
 */
const MUTATED = 999;

/** A document in its own happy-dom window: a window keeps every document its DOMParser made, so one per page. */
interface Page {
  doc: Document;
  close(): Promise<void>;
}

function parse(html: string): Page {
  const window = new Window({
    url: 'https://bench.invalid/',
    settings: { disableJavaScriptEvaluation: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true, disableComputedStyleRendering: true },
  });
  // Parsed the way tests/unit/helpers.ts fixtureDocument does; typed as the DOM the readers take.
  const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  return { doc, close: () => window.happyDOM.close() };
}

const page = (platform: string, name: string): Page => parse(readFileSync(path.join('tests/fixtures', platform, name), 'utf8'));

/** Pages still open; `fresh` closes the previous one before building the next. */
const open: Page[] = [];
async function closeAll(): Promise<void> {
  while (open.length > 0) await open.pop()!.close();
}
async function fresh(build: () => Page): Promise<Document> {
  await closeAll();
  const p = build();
  open.push(p);
  return p.doc;
}

const $ = (root: ParentNode, css: string): Element => {
  const el = root.querySelector(css);
  if (!el) throw new Error(`bench fixture: no ${css}`);
  return el;
};

// ---------------------------------------------------------------- chat lists (as the unit tests build them)

interface ChatCase {
  adapter: ConsoleAdapter;
  /** A fresh page holding the 2,000-row list. */
  build(): Page;
  /** The element whose text a mutation changes, and its two alternating texts. */
  mutable(doc: Document): { el: Element; texts: [string, string] };
}

const chatCases: ChatCase[] = [
  {
    adapter: pddAdapter,
    build() {
      const p = page('pinduoduo', 'chat-idle.html');
      const { doc } = p;
      $(doc, 'ul.chat-list').innerHTML = Array.from(
        { length: ROWS },
        (_, i) =>
          `<li class="chat-item"><div class="chat-item-box" data-random="${90000 + i}-0-all"><span class="nickname-span">b${i}</span>` +
          (i % 3 === 0 ? '<span class="chat-unreply-over-time">已等待45秒</span>' : '') +
          '</div></li>',
      ).join('');
      return p;
    },
    mutable: (doc) => ({ el: $($(doc, 'ul.chat-list').children[MUTATED]!, '.chat-unreply-over-time'), texts: ['已等待5秒', '已等待45秒'] }),
  },
  {
    adapter: jdAdapter,
    build() {
      const p = page('jd', 'chat-empty.html');
      const { doc } = p;
      $(doc, '.c_tabs-tabpane:not(.c_tabs-tab_inactive) .c_stream-content').innerHTML = Array.from(
        { length: ROWS },
        (_, i) =>
          `<div class="c_stream-item-w" id="u_jd_${i}imcustomer10086"><div class="alluser-item-content"><div class="alluser-item${i === 1234 ? ' alluser-item_check' : ''}">` +
          `<span class="alluser-item-name" title="jd_${i}">买家${i}</span><span class="alluser-item-breifdesc">问题${i}</span></div></div></div>`,
      ).join('');
      return p;
    },
    mutable: (doc) => ({
      el: $($(doc, '.c_tabs-tabpane:not(.c_tabs-tab_inactive) .c_stream-content').children[MUTATED]!, '.alluser-item-breifdesc'),
      texts: ['在吗？', `问题${MUTATED}`],
    }),
  },
  {
    adapter: kuaishouAdapter,
    build() {
      const p = page('kuaishou', 'chat-idle.html');
      const { doc } = p;
      $(doc, '.SessionListGroupItem-count').textContent = `(${ROWS})`;
      $(doc, '.ant-checkbox-group').innerHTML = Array.from(
        { length: ROWS },
        (_, i) =>
          `<div class="SessionStarCard"><div class="SessionBaseCard SessionBaseCard-Static"><span class="SessionBaseCard-topHeadName">b${i} 下单数(1)</span>` +
          `<span class="SessionBaseCard-topHeadTime">${i % 3 === 0 ? '45秒' : '1分钟'}</span></div></div>`,
      ).join('');
      return p;
    },
    mutable: (doc) => ({ el: $($(doc, '.ant-checkbox-group').children[MUTATED]!, '.SessionBaseCard-topHeadTime'), texts: ['5秒', '45秒'] }),
  },
  {
    adapter: douyinAdapter,
    build() {
      const p = page('douyin', 'chat-empty.html');
      const { doc } = p;
      $(doc, '.list_items').innerHTML = Array.from(
        { length: ROWS },
        (_, i) =>
          `<div style="position:absolute;top:${i * 72}px"><div class="conversationCard-ePRNJi" data-kora="conversation" ` +
          `data-qa-id="qa-conversation-chat-item" data-btm-id="a9034.b39122.c2622.current" data-cid="${900000 + i}">` +
          `<img src="data:," alt="头像"><div class="nameLine-Q8PQwE" title="买家${i}"><span class="newNameContent-DfqCyb">买家${i}</span>` +
          `<div class="timerParticular-XjA0_t">${i % 3 === 0 ? '45秒' : '09:30'}</div></div>` +
          `<div class="msgContent-JqEWJs"><span>消息${i}</span></div></div></div>`,
      ).join('');
      return p;
    },
    mutable: (doc) => ({ el: $($(doc, '.list_items').children[MUTATED]!, '[class*="msgContent"] span'), texts: ['在吗？', `消息${MUTATED}`] }),
  },
];

function checkChat(platform: string, read: ChatRead): void {
  const healthy = read.health.missingSelectors.length === 0 && read.health.unparsedFields.length === 0;
  if (read.conversations.length !== ROWS || !healthy) {
    throw new Error(`${platform}: read ${read.conversations.length} rows, health ${JSON.stringify(read.health)}`);
  }
}

async function benchChat(c: ChatCase) {
  const chat = c.adapter.chat!;
  const initial = await measure(
    () => fresh(() => c.build()),
    async (doc) => checkChat(c.adapter.id, chat.read(doc, NOW)),
  );

  // One live document: each batch changes one row's text (untimed: the page does that), then does
  // what the content script does per batch (the same code: lib/content/chat-reading.ts): the mutation records go to
  // the row cache, the rows they touched are read again and patched into the last read — or, when
  // the batch changed anything else, the whole list is read (rows reused from the cache) and diffed.
  // For comparison the same batch is also read whole with no cache ("whole read").
  const doc = await fresh(() => c.build());
  const { el, texts } = c.mutable(doc);
  const reading = cachedChatReading(chat, doc, () => NOW);
  const observer = new (doc.defaultView as unknown as typeof globalThis).MutationObserver(() => undefined);
  for (const root of chat.roots(doc)) observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
  const readWhole = () => {
    let read = reading.read();
    while (read === null) read = reading.read(); // a first read comes in slices
    return read;
  };
  let previous: ChatRead = readWhole();
  diffChat(null, previous);
  const parts = { batch: [] as number[], whole: [] as number[] };
  const paths = new Set<string>();
  for (let i = 0; i < WARMUPS + ITERATIONS; i++) {
    el.textContent = texts[i % 2]!;
    gc?.();
    const t0 = performance.now();
    reading.onMutations(observer.takeRecords());
    const patched = reading.update(previous);
    let delta = patched ? patched.change : null;
    if (!patched) {
      const next = readWhole();
      delta = diffChat(previous, next);
      previous = next;
    }
    const t1 = performance.now();
    chat.read(doc, NOW);
    const t2 = performance.now();
    if ((delta as { changed: unknown[] } | null)?.changed.length !== 1) throw new Error(`${c.adapter.id}: a one-row mutation changed ${(delta as { changed: unknown[] } | null)?.changed.length ?? 0} rows`);
    if (i < WARMUPS) continue;
    paths.add(patched ? 'patch' : 'full read');
    parts.batch.push(t1 - t0);
    parts.whole.push(t2 - t1);
  }
  observer.disconnect();
  const [batch, whole] = [parts.batch, parts.whole].map(summarise) as [Summary, Summary];
  await closeAll();
  return { platform: c.adapter.id, rows: ROWS, virtualized: chat.virtualized, initial, batch, whole, paths: [...paths] };
}

// ---------------------------------------------------------------- after-sales lists (200 cases)

interface AftersaleCase {
  platform: string;
  variant: string;
  adapter: ConsoleAdapter;
  build(): Page;
}

const STATUSES_DOUYIN = ['待商家处理', '待买家退货', '退货待商家收货', '退款成功'];

function refund2List(): Page {
  const data: Record<string, unknown> = {
    listPagination_1: { bizName: 'listPagination', id: '1', fields: { total: String(CASES), defaultPageSize: String(CASES), defaultCurrent: '1' } },
  };
  const structure: string[] = ['listPagination_1'];
  const grids: string[] = [];
  for (let i = 0; i < CASES; i++) {
    const id = String(199391870665300000n + BigInt(i));
    const order = String(3116348570228300000n + BigInt(i));
    const status = ['退款待处理', '待买家发货', '退款成功'][i % 3]!;
    const countdown = i % 3 === 2 ? '' : i % 3 === 0 ? `剩余${(i % 5) + 1}天23时29分，超时将自动退款` : '剩余6天5时';
    data[`sellerGridHeaderContainer_${id}`] = {
      bizName: 'sellerGridHeaderContainer',
      id,
      fields: { numbers: [{ title: '退款编号(售后)', value: id }, { title: '申请时间', value: '—' }, { title: '订单编号', value: order }], shop: { name: `t**${i}` } },
    };
    data[`disputeBody_${id}`] = {
      bizName: 'disputeBody',
      tag: 'disputeBody',
      id: `${id}@disputeBody`,
      fields: {
        options: [i % 2 ? '退货退款' : '仅退款', `￥${i}.90`, '2026-11-23 09:30:00', '未收到货', countdown, '已发货', status].map((name) => ({ title: { name } })),
      },
    };
    structure.push(`sellerGridHeaderContainer_${id}`, `disputeBody_${id}`);
    grids.push(
      `<div class="disputelist-sellerGrid"><ul class="disputelist-sellerGridHeader"><li>t**${i}</li><li>退款编号：${id}</li><li>订单编号：<em>${order}</em></li></ul>` +
        `<div class="disputelist-sellerGridBodyContainer">${'<div>…</div>'.repeat(7)}<div><a href="https://refund2.taobao.com/dispute/detail.htm?disputeId=${id}">查看详情</a></div></div></div>`,
    );
  }
  const blob = JSON.stringify({ data, linkage: { common: { compress: true }, signature: '5f2c' }, hierarchy: { root: 'root_1', structure: { root_1: structure } } });
  return parse(
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>退款管理</title><script>window.g_config = { appName: "refund2" };</script>` +
      `<script>\nvar disputeData = ${blob};\n</script></head><body><div id="page"><div class="disputelist">${grids.join('')}</div></div></body></html>`,
  );
}

const aftersaleCases: AftersaleCase[] = [
  {
    platform: 'pdd',
    variant: 'after-sales list',
    adapter: pddAdapter,
    build() {
      const p = page('pinduoduo', 'aftersale-list-empty.html');
      const { doc } = p;
      $(doc, '.after-sales-table_table_wrap__1xYz2').innerHTML = Array.from({ length: CASES }, (_, i) => {
        const id = String(30000000000000 + i);
        const order = `261124-${String(100000000000000 + i)}`;
        return (
          `<div class="after-sales-table_order_item__3QqLW"><div><span>订单号：</span><span class="table-item-header_sn__2gbGk">${order}</span>` +
          `<span>售后编号：${id}</span><span class="table-item-header_status__2hJk9">${i % 2 ? '待商家处理' : '退款成功'}</span></div>` +
          `<div>退款金额：¥${i}.50</div>${i % 2 ? '<div>（<span class="timer">2天</span>未处理，系统将自动退款）</div>' : ''}</div>`
        );
      }).join('');
      return p;
    },
  },
  {
    platform: 'jd',
    variant: '自主售后 list',
    adapter: jdAdapter,
    build() {
      const p = page('jd', 'aftersale-list-empty.html');
      const { doc } = p;
      $(doc, '.jd-table__empty-block').remove();
      $(doc, '.jd-table__body tbody').innerHTML = Array.from(
        { length: CASES },
        (_, i) =>
          `<tr class="jd-table__row"><td><div>服务单号：${5000000000 + i}</div><div>订单号：${3557439000000000 + i}</div></td>` +
          `<td>${i % 2 ? '退货退款' : '仅退款'}</td><td><span>${i % 2 ? '审核中' : '退款成功'}</span></td><td>¥${i}.09</td></tr>`,
      ).join('');
      return p;
    },
  },
  {
    platform: 'douyin',
    variant: '抖店 after-sales list',
    adapter: douyinAdapter,
    build() {
      const p = page('douyin', 'aftersale-list-empty.html');
      const { doc } = p;
      $(doc, '.auxo-table-tbody').innerHTML = Array.from({ length: CASES }, (_, i) => {
        const id = String(7480000000000000000n + BigInt(i));
        return (
          `<tr class="auxo-table-row" data-row-key="parent-${id}"><td colspan="6"><span>售后编号：${id}</span> <span>订单编号：69${i}0000000</span></td></tr>` +
          `<tr class="auxo-table-row" data-row-key="child-${id}"><td>商品${i}</td><td>${i % 2 ? '退货退款' : '仅退款'}</td><td>¥${i}.50</td>` +
          `<td><div>${STATUSES_DOUYIN[i % 4]}</div>${i % 4 === 3 ? '' : `<div>剩余${(i % 5) + 1}天</div>`}</td><td>—</td><td><a>查看详情</a></td></tr>`
        );
      }).join('');
      return p;
    },
  },
  {
    platform: 'taobao',
    variant: '千牛 refund list (table rows)',
    adapter: taobaoAdapter,
    build() {
      const p = page('taobao', 'aftersale-list-qianniu.html');
      const { doc } = p;
      $(doc, '.next-table-body tbody').innerHTML = Array.from({ length: CASES }, (_, i) => {
        const id = String(199391870665300000n + BigInt(i));
        const order = String(3116348570228300000n + BigInt(i));
        const status =
          i % 3 === 0
            ? `<div>退款待处理</div><div>剩余${(i % 5) + 1}天23时29分</div><div>超时将自动退款</div>`
            : i % 3 === 1
              ? '<div>待买家发货</div><div>剩余6天5时</div>'
              : '<div>退款关闭</div>';
        return (
          `<tr class="next-table-row"><td class="next-table-cell"><div class="order-line"><a href="#">订单号：${order}</a><span>退款编号：${id}</span></div>` +
          `<div class="item-title">商品${i}</div><div class="tag">${i % 2 ? '退货退款' : '仅退款'}</div></td>` +
          `<td class="next-table-cell"><div>¥${i}.90</div></td><td class="next-table-cell">${status}</td>` +
          '<td class="next-table-cell"><button>同意退款</button><button>拒绝退款</button></td></tr>'
        );
      }).join('');
      return p;
    },
  },
  { platform: 'taobao', variant: 'refund2 list (embedded disputeData)', adapter: taobaoAdapter, build: refund2List },
];

function checkAftersale(c: AftersaleCase, read: AfterSaleRead): void {
  const healthy = read.health.missingSelectors.length === 0 && read.health.unparsedFields.length === 0;
  if (read.cases.length !== CASES || !healthy) {
    throw new Error(`${c.platform} ${c.variant}: read ${read.cases.length} cases, health ${JSON.stringify(read.health)}`);
  }
}

async function benchAftersale(c: AftersaleCase) {
  const aftersale = c.adapter.aftersale!;
  const read = await measure(
    () => fresh(() => c.build()),
    async (doc) => checkAftersale(c, aftersale.read(doc, NOW, 'aftersale-list')),
  );
  await closeAll();
  return { platform: c.platform, variant: c.variant, cases: CASES, read };
}

/** Platforms without a chat reader or an after-sales list reader, and what their adapter says. */
function without(): { chat: string[]; aftersaleList: { platform: string; missing: string[] }[] } {
  const adapters = [pddAdapter, taobaoAdapter, douyinAdapter, kuaishouAdapter, jdAdapter];
  const empty = parse('<html><body></body></html>');
  open.push(empty);
  const aftersaleList = adapters
    .filter((a) => a.aftersale && !aftersaleCases.some((c) => c.adapter === a))
    .map((a) => ({ platform: a.id, missing: a.aftersale!.read(empty.doc, NOW, 'aftersale-list').health.missingSelectors }));
  return { chat: adapters.filter((a) => !a.chat).map((a) => a.id), aftersaleList };
}

// ---------------------------------------------------------------- run

const chat: Awaited<ReturnType<typeof benchChat>>[] = [];
for (const c of chatCases) chat.push(await benchChat(c));
const aftersale: { platform: string; variant: string; cases: number; read: Summary }[] = [];
for (const c of aftersaleCases) aftersale.push(await benchAftersale(c));
const missing = without();
await closeAll();

console.log(JSON.stringify({ happyDom: readHappyDomVersion(), warmups: WARMUPS, iterations: ITERATIONS, mutatedRow: MUTATED, chat, aftersale, without: missing }));

function readHappyDomVersion(): string {
  return (JSON.parse(readFileSync('node_modules/happy-dom/package.json', 'utf8')) as { version: string }).version;
}
