// A stored logo as the API shows it: its variants' public URLs.
export function logoView(key: string | null, logo: { width: number; height: number; variants: { format: string; width: number; height: number; name: string }[] } | null) {
  if (!key || !logo) return null;
  return { width: logo.width, height: logo.height, variants: logo.variants.map((v) => ({ format: v.format, width: v.width, height: v.height, url: `/api/media/${key}/${v.name}` })) };
}
