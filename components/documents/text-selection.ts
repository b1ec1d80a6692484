import { anchorAt, type TextAnchor, toCodePointOffset, toUtf16Offset } from "@/lib/evidence/anchor";

// The document's rendered text is exactly the stored text (segments in order, white-space
// preserved), so DOM positions convert to UTF-16 offsets by counting characters, and those to
// the code-point offsets the server stores.

function utf16OffsetWithin(container: Node, node: Node, offset: number): number {
  const range = document.createRange();
  range.setStart(container, 0);
  range.setEnd(node, offset);
  return range.toString().length;
}

/** The anchor of the current selection, if it lies inside the container and is not empty. */
export function selectionAnchor(container: HTMLElement, text: string): TextAnchor | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  const start = utf16OffsetWithin(container, range.startContainer, range.startOffset);
  const end = utf16OffsetWithin(container, range.endContainer, range.endOffset);
  if (end <= start) return null;
  return anchorAt(text, toCodePointOffset(text, start), toCodePointOffset(text, end));
}

function locate(container: HTMLElement, utf16: number): { node: Node; offset: number } {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (utf16 <= seen + length) return { node, offset: utf16 - seen };
    seen += length;
  }
  return { node: container, offset: container.childNodes.length };
}

/** Selects code points [start, end) of the text in the container, and scrolls to them. */
export function selectRange(container: HTMLElement, text: string, start: number, end: number) {
  const from = locate(container, toUtf16Offset(text, start));
  const to = locate(container, toUtf16Offset(text, end));
  const range = document.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  (from.node.parentElement ?? container).scrollIntoView({ block: "center" });
}
