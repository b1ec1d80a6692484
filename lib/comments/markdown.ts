const SAFE_PROTOCOLS = new Set(["http:", "https:", "mailto:"]);

/**
 * Keeps a link or image address in a comment only if it is absolute http(s) or mailto. Parsing
 * with URL (not matching the text) reads "java\tscript:" and " JaVaScRiPt:" as a browser would.
 */
export function safeCommentUrl(url: string): string | null {
  try {
    return SAFE_PROTOCOLS.has(new URL(url).protocol) ? url : null;
  } catch {
    return null;
  }
}
