/**
 * Character tables for normalisation. Pure data plus tiny predicates.
 *
 * Traditional → simplified: a small hand-written table, not a library. Only the characters that occur
 * in the lexicon, the context words and common chat around them matter (a full OpenCC table is ~3 MB
 * and would be loaded on every keystroke path for no gain). `tests/unit/compliance/normalize.test.ts`
 * checks that every lexicon term is already simplified, so a term never silently misses its traditional
 * spelling because the table maps it elsewhere.
 */

// Pairs: traditional, simplified.
const T2S_PAIRS =
  '號号碼码維维衛卫訊讯聯联繫系係系話话機机電电掃扫銀银帳帐賬账轉转寶宝貨货單单訂订圖图評评價价現现紅红複复' +
  '製制級级頂顶極极絕绝對对萬万國国際际質质選选發发獨独傢家貳贰陸陆兩两騙骗腦脑殘残癡痴滾滚媽妈賤贱廢废東东' +
  '貓猫臺台員员賭赌傳传銷销頭头線线實实體体門门庫库倉仓來来這这個个們们麼么嗎吗說说過过還还會会買买賣卖讓让' +
  '給给錢钱網网鏈链關关註注優优惠惠釘钉點点鵝鹅羣群無无絲丝從从與与為为處处盡尽讀读識识開开聽听幫帮應应該该' +
  '須须緊紧趕赶別别囉啰隨随漲涨馬马僅仅後后歷历時时間间見见視视錯错誤误種种類类專专櫃柜區区廣广場场鑽钻贈赠' +
  '禮礼獎奖勵励補补償偿刪删濟济夠够驗验證证書书結结約约黃黄槍枪彈弹護护幣币匯汇戶户額额蘿萝雞鸡經经營营務务' +
  '貼贴閉闭豬猪罵骂幹干瘋疯殺杀劍剑業业產产廠厂標标準准佈布強强懷怀疑疑紙纸盜盗淨净達达濕湿屬属遞递運运費费' +
  '郵邮遞递溝沟聊聊談谈戲戏樂乐惡恶噁恶蠢蠢廢废擊击辱辱謾谩詆诋毀毁誹诽謗谤騷骚擾扰嚇吓脅胁恐恐滅灭燒烧屍尸' +
  '貸贷債债險险獲获勝胜錄录鑒鉴鑑鉴權权驅驱鎖锁銜衔創创讚赞賺赚陣阵聞闻廳厅館馆圓圆團团纔才擋挡據据擔担據据' +
  '蓋盖頁页題题詢询問问答答復复換换壞坏缺缺貳贰參叁叄叁陸陆柒柒捌捌玖玖億亿樣样組组緒绪統统織织繼继續续總总' +
  '設设計计訊讯訴诉訟讼詐诈謊谎諾诺讀读變变鬆松緩缓異异憑凭訪访憂忧慮虑歡欢觀观顧顾齊齐隱隐私私歸归絡络攜携' +
  '裝装舊旧撥拨撥拨號号聯联繫系衝冲戰战輸输贏赢總总稱称讚赞驚惊闆板老老闆板紀纪錄录歲岁尋寻搜搜鉅巨兒儿瀏浏覽览' +
  '頻频視视碼码龍龙飛飞鳥鸟魚鱼軟软體体硬硬雙双對对錯错靈灵魂魂壓压氣气鬥斗爭争漢汉語语學学習习華华韓韩';

/**
 * Traditional code unit → simplified code unit, 0 when unchanged (BMP only; every pair above is one
 * unit each). A flat table: this runs on every character of every keystroke.
 */
export const T2S: Uint16Array = (() => {
  const table = new Uint16Array(0x10000);
  for (let i = 0; i + 1 < T2S_PAIRS.length; i += 2) {
    const from = T2S_PAIRS.charCodeAt(i);
    const to = T2S_PAIRS.charCodeAt(i + 1);
    if (from !== to) table[from] = to;
  }
  return table;
})();

/**
 * Look-alike letters and symbol variants, applied after NFKC and lowercasing: Cyrillic and Greek
 * letters that look Latin, every dash to '-', middle dots to '·', heavy plus signs to '+'.
 */
export const CONFUSABLES: ReadonlyMap<number, string> = new Map<number, string>([
  // Cyrillic
  [0x0430, 'a'], [0x0435, 'e'], [0x043e, 'o'], [0x0440, 'p'], [0x0441, 'c'], [0x0445, 'x'], [0x0443, 'y'],
  [0x0456, 'i'], [0x0455, 's'], [0x0458, 'j'], [0x043a, 'k'], [0x0432, 'b'], [0x043c, 'm'], [0x043d, 'h'], [0x0442, 't'],
  // Greek
  [0x03bf, 'o'], [0x03b1, 'a'], [0x03bd, 'v'], [0x03b9, 'i'], [0x03ba, 'k'], [0x03c1, 'p'], [0x03c4, 't'], [0x03c5, 'u'],
  // dashes, long vowel marks used as dashes
  [0x2010, '-'], [0x2011, '-'], [0x2012, '-'], [0x2013, '-'], [0x2014, '-'], [0x2015, '-'], [0x2212, '-'],
  [0x2e3a, '-'], [0x2e3b, '-'], [0x30fc, '-'], [0x2043, '-'], [0x2500, '-'], [0x2501, '-'], [0x23af, '-'],
  // dots and tildes
  [0x2022, '·'], [0x30fb, '·'], [0x2027, '·'], [0x2219, '·'], [0x22c5, '·'], [0x301c, '~'], [0x223c, '~'],
  // plus signs used as "加"
  [0x2795, '+'], [0x271a, '+'], [0x2719, '+'], [0x271b, '+'], [0x271c, '+'], [0x2629, '+'],
  // fullwidth-looking brackets
  [0x3010, '['], [0x3011, ']'], [0x300c, '['], [0x300d, ']'], [0x300e, '['], [0x300f, ']'],
]);

/** Code points dropped entirely: zero-width and format characters, combining marks, emoji and decorative symbols. */
export function isDropped(cp: number): boolean {
  if (cp < 0x00ad) return false;
  if (cp === 0x00ad || cp === 0x034f || cp === 0x061c || cp === 0x115f || cp === 0x1160 || cp === 0x3164 || cp === 0xffa0) return true;
  if (cp >= 0x0300 && cp <= 0x036f) return true; // combining diacritics
  if (cp >= 0x17b4 && cp <= 0x17b5) return true;
  if (cp >= 0x180b && cp <= 0x180f) return true;
  if (cp >= 0x1ab0 && cp <= 0x1aff) return true;
  if (cp >= 0x1dc0 && cp <= 0x1dff) return true;
  if (cp >= 0x200b && cp <= 0x200f) return true; // zero-width space/joiners, direction marks
  if (cp >= 0x202a && cp <= 0x202e) return true;
  if (cp >= 0x2060 && cp <= 0x206f) return true;
  if (cp >= 0x20d0 && cp <= 0x20ff) return true; // combining marks for symbols (keycap)
  if (cp >= 0x2190 && cp <= 0x21ff) return true; // arrows
  if (cp >= 0x2300 && cp <= 0x23ff) return true; // misc technical (⌚ ⏰)
  if (cp >= 0x2500 && cp <= 0x27bf) return true; // box drawing, shapes, misc symbols (☎ ★ ♥), dingbats (❤ ✨)
  if (cp >= 0x2b00 && cp <= 0x2bff) return true;
  if (cp === 0x3030 || cp === 0x303d || cp === 0x3297 || cp === 0x3299) return true;
  if (cp >= 0xe000 && cp <= 0xf8ff) return true; // private use
  if (cp >= 0xfe00 && cp <= 0xfe0f) return true; // variation selectors
  if (cp >= 0xfe20 && cp <= 0xfe2f) return true;
  if (cp === 0xfeff) return true;
  if (cp >= 0xfff0 && cp <= 0xfffd) return true;
  if (cp >= 0x1f000 && cp <= 0x1faff) return true; // emoji, flags, mahjong, playing cards
  if (cp >= 0x1bca0 && cp <= 0x1bca3) return true;
  if (cp >= 0x1d173 && cp <= 0x1d17a) return true;
  if (cp >= 0xe0000 && cp <= 0xe0fff) return true; // tags, variation selectors supplement
  return false;
}

// Code units of the normalised text (after folding).
export const NL = 0x0a;
export const PLUS = 0x2b;

/**
 * Separators: dropped between characters for matching (skeleton view), allowed inside digit runs.
 * Newline is not one: it ends a sentence.
 */
export function isSep(c: number): boolean {
  switch (c) {
    case 0x20: // space
    case 0x09:
    case 0x0d:
    case 0x0b:
    case 0x0c:
    case 0x2d: // -
    case 0x2e: // .
    case 0x5f: // _
    case 0x2f: // /
    case 0x5c: // \
    case 0xb7: // ·
    case 0x7e: // ~
    case 0x2a: // *
    case 0x7c: // |
    case 0x60: // `
    case 0x5e: // ^
    case 0x27: // '
    case 0x22: // "
      return true;
    default:
      return false;
  }
}

export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0b || c === 0x0c;
}

export const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
export const isLower = (c: number): boolean => c >= 0x61 && c <= 0x7a;
export const isAlnum = (c: number): boolean => isDigit(c) || isLower(c);
export const isCjk = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;

/** Chinese numerals written digit by digit (幺 and 两 included) → ASCII digit code unit; 0 for anything else. */
export const NUMERALS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  const groups = ['零〇', '一幺壹', '二两贰', '三叁', '四肆', '五伍', '六陆', '七柒', '八捌', '九玖'];
  groups.forEach((chars, digit) => {
    for (const ch of chars) table[ch.charCodeAt(0)] = 0x30 + digit;
  });
  return table;
})();

/** Sentence ends (for rules scoped to a sentence) and clause ends (for rules scoped to a clause). */
export function isSentenceEnd(c: number): boolean {
  return c === NL || c === 0x3002 || c === 0x21 || c === 0x3f || c === 0x3b || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x2026;
}
export function isClauseEnd(c: number): boolean {
  return isSentenceEnd(c) || c === 0x2c || c === 0xff0c || c === 0x3001;
}
