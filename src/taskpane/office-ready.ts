/**
 * Waits for office-loader.js to finish: it sets `window.__officeLoad` to a promise that
 * resolves with whether Office.js loaded (CDN first, then the copy served beside the pane).
 */
declare global {
  interface Window {
    __officeLoad?: Promise<boolean>;
  }
}

export async function whenOfficeLoaded(): Promise<typeof Office | null> {
  const loaded = window.__officeLoad ? await window.__officeLoad : typeof Office !== "undefined";
  return loaded && typeof Office !== "undefined" ? Office : null;
}
