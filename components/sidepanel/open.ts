/** storage.session key naming the case the side panel should show. */
export const SIDEPANEL_CASE_KEY = 'sidepanelCase';

interface ChromeSidePanel {
  open(options: { windowId?: number; tabId?: number }): Promise<void>;
}

/**
 * Show a case's checklist: Chrome's side panel, Firefox's sidebar, or a plain tab where neither
 * exists. Called from a click: the panel is opened before anything is awaited, because Chrome only
 * opens it while the user gesture lasts.
 */
export function openCaseChecklist(caseId: string, where: { windowId?: number; tabId?: number }): Promise<'side-panel' | 'sidebar' | 'tab'> {
  const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  const opened: Promise<'side-panel' | 'sidebar' | 'tab'> = sidePanel?.open
    ? sidePanel.open(where).then(() => 'side-panel')
    : sidebar?.open
      ? sidebar.open().then(() => 'sidebar')
      : browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html?case=${encodeURIComponent(caseId)}`) }).then(() => 'tab');
  return Promise.all([browser.storage.session.set({ [SIDEPANEL_CASE_KEY]: caseId }), opened]).then(([, how]) => how);
}
