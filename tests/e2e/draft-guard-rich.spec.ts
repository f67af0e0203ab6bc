import type { Page } from '@playwright/test';
import { expect, test, watchPageErrors } from './fixtures';

/**
 * The draft guard on the rich (contenteditable) chat inputs: Kuaishou's Quill `div.ql-editor` and
 * JD 咚咚's `.EditorContent`, on their real hostnames (served from the fixtures).
 *
 * The fixtures are static markup with no editor script, so the page's side is installed here, in
 * the page's main world (never in the fixture files): what the console does on Enter / 发送 (record
 * the draft as "sent"), a log of beforeinput/input events, and a MutationObserver on the editor for
 * anything that is not the agent's typing or click. Chromium itself does the contenteditable
 * editing, as it does under Quill.
 */
const VIOLATION = '亲，加我V信 abc_123 给您优惠';
const FLAGGED = '加我V信 abc_123';

const CONSOLES = [
  { id: 'kuaishou', url: 'https://im.kwaixiaodian.com/workbench?fixture=chat-waiting', editor: 'div.ql-editor', send: 'button.ant-btn.ant-btn-primary' },
  { id: 'jd', url: 'https://dongdong.jd.com/?fixture=chat', editor: '.EditorContent[contenteditable=true]', send: '.SendButtonGroup > .send-button' },
] as const;

interface PageSide {
  sent: string[];
  inputs: { type: string; inputType: string; data: string | null; trusted: boolean }[];
  mutations: string[];
  watching: boolean;
}

/** The console's own behaviour, as far as these tests need it. */
async function installPageSide(page: Page, editorCss: string, sendCss: string) {
  await page.evaluate(
    ({ editorCss, sendCss }) => {
      const editor = document.querySelector<HTMLElement>(editorCss)!;
      const side: PageSide = { sent: [], inputs: [], mutations: [], watching: false };
      (window as unknown as { kefuRich: PageSide }).kefuRich = side;
      const draft = () => editor.innerText.replace(/\u00a0/g, ' ').replace(/\n$/, '');
      // Like Quill's Enter binding in the consoles: Enter without Shift sends; so does 发送.
      editor.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' || e.shiftKey || e.isComposing) return;
        e.preventDefault();
        side.sent.push(draft());
      });
      document.querySelector(sendCss)!.addEventListener('click', () => side.sent.push(draft()));
      for (const type of ['beforeinput', 'input'])
        editor.addEventListener(type, (e) => {
          const ie = e as InputEvent;
          side.inputs.push({ type, inputType: ie.inputType, data: ie.data, trusted: ie.isTrusted });
        });
      new MutationObserver((records) => {
        if (!side.watching) return;
        for (const r of records) side.mutations.push(`${r.type} on ${r.target.nodeName}${r.attributeName ? `[${r.attributeName}]` : ''}`);
      }).observe(editor, { childList: true, subtree: true, characterData: true, attributes: true });
    },
    { editorCss, sendCss },
  );
}

const side = (page: Page) => page.evaluate(() => (window as unknown as { kefuRich: PageSide }).kefuRich);
const editorText = (page: Page, css: string) =>
  page.locator(css).evaluate((el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' ').replace(/\n$/, ''));

/** The viewport box of the first occurrence of `needle` in the editor's text (a DOM Range in the page). */
function glyphBox(page: Page, css: string, needle: string) {
  return page.locator(css).evaluate((el, needle) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.replace(/\u00a0/g, ' ').indexOf(needle.slice(0, 2));
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, Math.min(node.length, at + needle.length));
      const r = range.getClientRects()[0]!;
      return { left: r.left, bottom: r.bottom };
    }
    return null;
  }, needle);
}

for (const c of CONSOLES) {
  test.describe(`${c.id}: the draft guard on the rich editor`, () => {
    let errors: string[] = [];
    const open = async (page: Page) => {
      errors = watchPageErrors(page);
      await page.goto(c.url);
      await installPageSide(page, c.editor, c.send);
      const editor = page.locator(c.editor);
      await editor.click();
      await editor.pressSequentially(VIOLATION); // keyboard typing: Chromium edits the contenteditable
      return editor;
    };
    test.afterEach(() => expect(errors, 'errors in the console page').toEqual([]));

    test('a violation typed into the editor is underlined in our overlay; the editor is left exactly as typed', async ({ context, sw }) => {
      void sw;
      const page = await context.newPage();
      const editor = await open(page);
      const hit = page.locator('kefu-guard-draft .hit.block');
      await expect(hit.first()).toBeVisible();
      await expect(hit.first()).toHaveAttribute('data-category', 'contact_off_platform');
      await expect(page.getByTestId('draft-card')).toContainText('站外联系方式');
      expect(await editorText(page, c.editor)).toBe(VIOLATION);

      // The underline sits under the flagged glyphs (measured from a DOM Range, not a mirror).
      const glyphs = await glyphBox(page, c.editor, FLAGGED);
      const mark = await hit.first().boundingBox();
      expect(glyphs).not.toBeNull();
      expect(Math.abs(mark!.x - glyphs!.left)).toBeLessThan(2);
      expect(Math.abs(mark!.y + mark!.height - glyphs!.bottom)).toBeLessThan(3);

      // Re-laying on scroll, resize and the half-second tick adds nothing to the editor.
      await page.evaluate(() => ((window as unknown as { kefuRich: PageSide }).kefuRich.watching = true));
      await page.setViewportSize({ width: 1180, height: 760 });
      await editor.dispatchEvent('scroll');
      await page.mouse.wheel(0, 40);
      await page.waitForTimeout(1200);
      await expect(hit.first()).toBeVisible();
      expect((await side(page)).mutations).toEqual([]);
      expect(await editor.evaluate((el) => el.outerHTML)).not.toMatch(/kefu|hit|mark/);
      expect(await editorText(page, c.editor)).toBe(VIOLATION);
    });

    test('apply rewrite changes the editor text through input events; undo restores it', async ({ context, sw }) => {
      void sw;
      const page = await context.newPage();
      await open(page);
      await expect(page.locator('kefu-guard-draft .hit.block').first()).toBeVisible();
      const typed = (await side(page)).inputs.length;

      await page.getByTestId('draft-apply').first().click();
      await expect.poll(() => editorText(page, c.editor)).not.toBe(VIOLATION);
      const rewritten = await editorText(page, c.editor);
      expect(rewritten.startsWith('亲，')).toBe(true);
      expect(rewritten.endsWith('给您优惠')).toBe(true);
      expect(rewritten).not.toContain('V信');
      const applied = (await side(page)).inputs.slice(typed);
      // Our cancelable beforeinput (nobody takes it here), then Chromium's execCommand('insertText'):
      // its input event is the browser's own (trusted) — the path a real Quill sees through its observer.
      expect(applied.map((e) => `${e.type}:${e.inputType}`)).toEqual(['beforeinput:insertText', 'input:insertText']);
      expect(applied.map((e) => e.trusted)).toEqual([false, true]);
      expect(applied[1]!.data && rewritten.includes(applied[1]!.data)).toBe(true);
      await expect(page.locator('kefu-guard-draft .hit.block')).toHaveCount(0);

      await page.getByTestId('draft-undo').click();
      await expect.poll(() => editorText(page, c.editor)).toBe(VIOLATION);
      expect((await side(page)).inputs.slice(typed + 2).some((e) => e.type === 'input')).toBe(true);
      await expect(page.locator('kefu-guard-draft .hit.block').first()).toBeVisible();
      expect((await side(page)).sent).toEqual([]);
    });

    test('pre-send guard: Enter and 发送 ask first and send nothing; the agent may still send after confirming', async ({ context, sw }) => {
      void sw;
      const page = await context.newPage();
      const editor = await open(page);
      await expect(page.locator('kefu-guard-draft .hit.block').first()).toBeVisible();

      await editor.press('Enter');
      const confirm = page.getByTestId('draft-confirm');
      await expect(confirm).toBeVisible();
      expect((await side(page)).sent).toEqual([]);
      expect(await editorText(page, c.editor)).toBe(VIOLATION); // and no new line either
      await confirm.getByRole('button', { name: '返回修改' }).click();
      await expect(confirm).toHaveCount(0);

      await page.locator(c.send).click();
      await expect(confirm).toBeVisible();
      expect((await side(page)).sent).toEqual([]);
      await confirm.getByRole('button', { name: '仍要发送' }).click();
      await expect(page.getByTestId('draft-passed')).toBeVisible();
      expect((await side(page)).sent).toEqual([]); // we never send
      await editor.press('Enter'); // the agent sends
      await expect.poll(async () => (await side(page)).sent).toEqual([VIOLATION]);

      // A clean draft goes out on Enter with no question asked.
      await editor.fill('亲，请您在平台内下单，我们会尽快为您发货');
      await expect(page.getByTestId('draft-card')).toHaveCount(0); // the check answered: clean
      await editor.press('Enter');
      await expect(confirm).toHaveCount(0);
      await expect.poll(async () => (await side(page)).sent.length).toBe(2);
    });
  });
}
