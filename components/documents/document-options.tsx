/** One option per document, named by its publication date (when known) and title. */
export function DocumentOptions({
  documents,
}: {
  documents: readonly { id: string; title: string; publishedOn: string | null }[];
}) {
  return documents.map((d) => (
    <option key={d.id} value={d.id}>
      {d.publishedOn ? `${d.publishedOn} · ` : ""}
      {d.title}
    </option>
  ));
}
