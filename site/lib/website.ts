// A company's website as a link on its public page. The portal accepts only http(s)
// addresses, but the page checks again: what it links to is whatever the database holds.

export type WebsiteLink = { href: string; label: string };

/** The normalised address and a short label (host and path, no scheme), or null when it is not http(s). */
export function websiteLink(raw: string | null | undefined): WebsiteLink | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password) return null; // never show credentials in a link
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  // The label is text (escaped on output); it is kept short so a long address cannot crowd the facts.
  const label = `${url.host}${path}`;
  return { href: url.href, label: label.length > 60 ? `${label.slice(0, 59)}…` : label };
}
