// Chromium DevTools helpers. They work whether or not page JavaScript is enabled, so the same
// check runs in the "hydrated" and the "no-js" projects.
import type { CDPSession, Page } from '@playwright/test';

export type RenderedFont = {
  familyName: string;
  postScriptName: string;
  /** true for a web font loaded through @font-face, false for a font installed on the machine */
  isCustomFont: boolean;
  glyphCount: number;
};

async function session(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  return cdp;
}

async function nodeId(cdp: CDPSession, selector: string): Promise<number> {
  const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
  const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
  if (!nodeId) throw new Error(`no element matches ${selector}`);
  return nodeId;
}

/** The fonts Chromium actually used to draw the text of the first element matching `selector`. */
export async function renderedFonts(page: Page, selector: string): Promise<RenderedFont[]> {
  const cdp = await session(page);
  try {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: await nodeId(cdp, selector) });
    return fonts as RenderedFont[];
  } finally {
    await cdp.detach();
  }
}

/** The event types that have a listener attached directly to the element matching `selector`. */
export async function listenerTypes(page: Page, selector: string): Promise<string[]> {
  const cdp = await session(page);
  try {
    const { object } = await cdp.send('DOM.resolveNode', { nodeId: await nodeId(cdp, selector) });
    if (!object.objectId) throw new Error(`cannot resolve ${selector}`);
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: object.objectId });
    return listeners.map((l) => l.type);
  } finally {
    await cdp.detach();
  }
}
