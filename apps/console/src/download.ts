import type { LitElement } from 'lit';

/**
 * Hands a file to the browser's own download, as the API or a page made it: a hidden link to an
 * object URL inside the element (its shadow root, so the page's styles never see it), clicked and
 * removed; the URL is freed a minute later, once the browser has read it.
 */
export function saveDownload(host: LitElement, body: Blob, fileName: string): void {
  const url = URL.createObjectURL(body);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  host.renderRoot.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A file the API answered as `{ fileName, mimeType, base64 }` (exports, reports), downloaded. */
export function saveApiFile(host: LitElement, file: { fileName: string; mimeType: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  saveDownload(host, new Blob([bytes], { type: file.mimeType }), file.fileName);
}
