import { type Snippet, snippetPieces } from "@/lib/search/snippet";

/** A search snippet with its matched words marked. */
export function SnippetText({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippetPieces(snippet).map((piece, i) =>
        piece.marked ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed text, never reordered
          <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
            {piece.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one fixed text, never reordered
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}
