/** The PNG inside a data URL (how captureVisibleTab hands a screenshot over), or null when it is not one. */
export function pngBytes(dataUrl: string | null | undefined): Uint8Array | null {
  const base64 = dataUrl ? /^data:image\/png;base64,([A-Za-z0-9+/=]+)$/.exec(dataUrl)?.[1] : undefined;
  if (!base64) return null;
  const binary = atob(base64);
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}
