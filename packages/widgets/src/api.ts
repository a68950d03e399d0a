import { createPolCenterClient, type PolCenterClient } from '@polcenter/client';

const clients = new Map<string, PolCenterClient>();

/**
 * The API a widget talks to: its `api` attribute, else `/trpc` on the origin the widget script
 * was loaded from — so one script tag is all a portal page needs.
 */
export function apiUrl(attribute: string | undefined): string {
  return attribute || new URL('/trpc', /* @vite-ignore */ import.meta.url).toString();
}

/** One client per API and language, shared by every widget on the page (and its batching). */
export function clientFor(url: string, lang: 'vi' | 'en'): PolCenterClient {
  const key = `${lang} ${url}`;
  let client = clients.get(key);
  if (!client) {
    client = createPolCenterClient(url, { lang });
    clients.set(key, client);
  }
  return client;
}
